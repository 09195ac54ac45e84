// Registered for work sites during family time: runs in the page's own world at
// document_start, before any of the page's scripts, in every frame.
import { installStandIns } from './standins';
import { LINK_EVENT } from './standinsLink';

installStandIns(LINK_EVENT, false);
