// Settings synced from an older Hearth on another device lack what later versions added.
// Taken as they are, the migration's defaults would wipe what this device holds: the
// let-through names, the children's ages, the sites' names, the weekly choice and this
// week's answer. So what the older version could not hold is kept from this device; the
// rest is the other device's, as with any synced change.
import type { Settings } from './schema';

/** The settings each version added, by the first version that holds them. */
const ADDED_IN: Readonly<Record<number, readonly (keyof Settings)[]>> = {
  3: ['letThrough', 'childAges'],
  4: ['weeklyChoice', 'chosen'],
};

/** `incoming`, read from version `from` and brought up to today's; `local`, this device's settings now. */
export function keepWhatOlderLacks(incoming: Settings, from: number, local: Settings): Settings {
  const kept: Record<string, unknown> = {};
  for (const [version, fields] of Object.entries(ADDED_IN)) {
    if (from < Number(version)) for (const field of fields) kept[field] = local[field];
  }
  // Version 3 gave sites a name of their own; an older device's sites have none.
  const named = (site: Settings['sites'][number]) => {
    const here = local.sites.find((s) => s.id === site.id);
    return site.name === undefined && here?.name !== undefined ? { ...site, name: here.name } : site;
  };
  return { ...incoming, ...kept, sites: from < 3 ? incoming.sites.map(named) : incoming.sites };
}
