// Registered (and injected) only for work sites with let-through words during family
// time, in the top frame: lends Hearth's isolated script in the page (quiet.ts) the
// matcher, so a page of a site with no such words loads none of it. The isolated
// world's globals are Hearth's own: the page can't see or call this.
import { letThroughHeld } from './letThrough';

(globalThis as { __hearthLetThrough?: typeof letThroughHeld }).__hearthLetThrough ??= letThroughHeld;
