import { render } from 'preact';
import { t } from '../../i18n';
import { Onboarding } from './Onboarding';

document.title = t('onboardingTitle');
render(<Onboarding />, document.getElementById('app')!);
