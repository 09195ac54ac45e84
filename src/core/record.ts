// A plain object of fields not yet checked: what JSON, storage and files hand over.

export type Data = Record<string, unknown>;

/** An object with fields, and not a list. */
export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
