/**
 * Recognises schemas from a zod wfc cannot use, so the error names it instead of saying "not a
 * schema": zod 3 (the user's own `zod` package, `_def.typeName` and no `_zod`) or another
 * library's schema object.
 */

/**
 * A sentence naming the foreign schema library of `value`, or undefined when it is not one.
 *
 * @example
 * ```ts
 * foreignSchema({ _def: { typeName: "ZodString" }, safeParse() {} }) // "a zod 3 schema (...)"
 * ```
 */
export function foreignSchema(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as { _def?: { typeName?: unknown }; _zod?: unknown; safeParse?: unknown; "~standard"?: unknown };
  if (v._zod === undefined && v._def && typeof v._def.typeName === "string" && typeof v.safeParse === "function")
    return `a zod 3 schema (${v._def.typeName}, from a "zod" package of version 3, e.g. the project's own); wfc needs zod 4: import { z } from "@wfc/sdk" (or "zod" >= 4)`;
  const std = v["~standard"] as { vendor?: unknown } | undefined;
  if (std && typeof std.vendor === "string" && std.vendor !== "zod")
    return `a ${std.vendor} schema; wfc takes zod 4 schemas: import { z } from "@wfc/sdk"`;
  return undefined;
}
