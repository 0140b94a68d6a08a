/** Parsed YAML values as the importer walks them. */

/** A YAML mapping. */
export type Obj = Record<string, unknown>;

/** True for a mapping (not null, not a list). */
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
