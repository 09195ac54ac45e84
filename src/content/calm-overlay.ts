// Registered (and injected) only for dimmed and set-aside work sites during family time,
// in the top frame: lends Hearth's isolated script in the page (quiet.ts) the calm overlay,
// so a page of a site that is only quieted loads none of it. The isolated world's
// globals are Hearth's own: the page can't see or call this.
import { heard, showCalmOverlay, TOP_LAYER_EVENTS } from './overlay';

(globalThis as { __hearthOverlay?: typeof showCalmOverlay }).__hearthOverlay ??= showCalmOverlay;
// Heard first, before the page's own listeners: the page opening a popover or fullscreen over the overlay.
for (const type of TOP_LAYER_EVENTS) addEventListener(type, heard, true);
