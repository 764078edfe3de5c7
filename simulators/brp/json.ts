/** JSON values as the simulator builds and filters them. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds an object from entries, leaving out `undefined` values, empty objects and empty arrays:
 * the BRP API omits what it does not have instead of sending nulls.
 */
export function compact(entries: Record<string, Json | undefined>): JsonObject | undefined {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (isJsonObject(value) && Object.keys(value).length === 0) continue;
    result[key] = value;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}
