import { render } from 'preact';
import { t } from '../../i18n';
import { Reflection } from './Reflection';

document.title = t('reflectionPageTitle');
render(<Reflection />, document.getElementById('app')!);
