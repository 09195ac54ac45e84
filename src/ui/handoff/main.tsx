import { render } from 'preact';
import { Handoff } from './Handoff';

render(<Handoff />, document.getElementById('app')!);
