// Fresh ids for what the parent adds: windows, blocks, work sites, parked thoughts.

/** A fresh id such as "block-1b9d6bcd-…". */
export function newId(prefix: string): string {
  const uuid = crypto.randomUUID();
  return prefix === '' ? uuid : `${prefix}-${uuid}`;
}
