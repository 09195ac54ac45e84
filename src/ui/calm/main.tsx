import { render } from 'preact';
import { Calm } from './Calm';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'dim' ? 'dim' : 'aside';
document.body.classList.toggle('dim', mode === 'dim');
render(
  <Calm mode={mode} siteId={params.get('site') ?? ''} original={location.hash.slice(1)} />,
  document.getElementById('app')!,
);
