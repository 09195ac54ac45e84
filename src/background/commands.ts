// What the parent can ask of the worker: start a focus block, end family time now.
// Both change settings; reconcile does the rest. Ending early is an override,
// logged as a plain fact.
import { occurrenceKey } from '../core/schedule';
import { newId } from '../core/ids';
import { pruneSkips } from '../core/settings/pruneSkips';
import type { Settings } from '../core/settings/schema';
import { formatDateKey } from '../core/wallclock';
import type { Occurrence } from '../core/types';
import { wayThroughUntil } from '../core/wayThrough';
import { t } from '../i18n';
import { noteFacts, type NewHistoryEvent } from './history';
import { siteName } from './siteCommands';
import { endedEarlyFacts } from './weekly';
import { loadSettings, updatePasses, updateSettings } from './store';

const DAY = 24 * 60 * 60 * 1000;

export function withFocusBlock(settings: Settings, now: number, minutes: number, label: string): Settings {
  const block = { id: newId('focus'), label, start: now, end: now + minutes * 60_000 };
  return tidy({ ...settings, schedule: { ...settings.schedule, blocks: [...settings.schedule.blocks, block] } }, now);
}

/** Ends every active occurrence at `now`: blocks are cut short, windows skipped for that date. */
export function withEndedNow(settings: Settings, active: Occurrence[], now: number): Settings {
  const blockIds = new Set(active.filter((o) => o.source === 'block').map((o) => o.id));
  const skips = active
    .filter((o) => o.source === 'window')
    .map((o) => ({ windowId: o.id, date: o.date }))
    .filter((s) => !settings.schedule.skips.some((k) => k.windowId === s.windowId && k.date === s.date));
  return tidy(
    {
      ...settings,
      schedule: {
        ...settings.schedule,
        blocks: settings.schedule.blocks.map((b) => (blockIds.has(b.id) ? { ...b, end: now } : b)),
        skips: [...settings.schedule.skips, ...skips],
      },
    },
    now,
  );
}

/** Old blocks and skips have no further effect: keep stored settings small. */
function tidy(settings: Settings, now: number): Settings {
  const pruned = pruneSkips(settings, formatDateKey(now));
  return {
    ...pruned,
    schedule: {
      ...pruned.schedule,
      blocks: pruned.schedule.blocks.filter((b) => b.end > now - 2 * DAY && b.end > b.start),
    },
  };
}

export async function startFocus(now: number, minutes: number): Promise<void> {
  const label = t('focusBlockLabel');
  await updateSettings((settings) => withFocusBlock(settings, now, minutes, label));
}

export async function endNow(now: number, active: Occurrence[]): Promise<void> {
  if (active.length === 0) return;
  let chosen: NewHistoryEvent[] = [];
  await updateSettings((settings) => {
    chosen = endedEarlyFacts(active, settings, now);
    return withEndedNow(settings, active, now);
  });
  await noteFacts([
    ...active.map((o) => ({
      type: 'override' as const,
      occurrenceKey: occurrenceKey(o),
      label: o.label,
      at: now,
      detail: 'ended-early',
    })),
    ...chosen,
  ]);
}

/**
 * A way through for one dimmed or set-aside site, while family time is on (until
 * `familyUntil`): it opens for the parent's chosen minutes, or until family time ends
 * if that comes first, and closes by itself. Logged as a plain fact.
 */
export async function wayThrough(now: number, siteId: string, familyUntil: number | null): Promise<void> {
  const { settings } = await loadSettings();
  const site = settings.sites.find((s) => s.id === siteId);
  if (!site || familyUntil === null) return;
  const minutes = settings.preferences.dimWayThroughMinutes;
  const until = wayThroughUntil(now, minutes, familyUntil);
  await updatePasses((passes) => [...passes.filter((p) => p.siteId !== siteId), { siteId, until }], now);
  await noteFacts([{ type: 'override', occurrenceKey: `site:${siteId}`, label: siteName(site), at: now, detail: `way-through:${minutes}` }]);
}
