import { render } from 'preact';
import { Calm } from './Calm';
import { addressOfCalmFragment } from '../../core/calmAddress';

// Only ever a page of its own tab, opened by the worker in place of a set-aside page.
const params = new URLSearchParams(location.search);
if (window.top === window) render(<Calm siteId={params.get('site') ?? ''} address={addressOfCalmFragment(location.hash.slice(1))} />, document.getElementById('app')!);
