import { ARGO_VERSIONS, z } from "@wfc/sdk";
import { isDns1123Label } from "@wfc/sdk/internal";
import { ConfigError } from "./config-error.js";
import type { WfcConfig } from "./define-config.js";

/** A registry reference: host (with a `.` or a `:port`, or `localhost`), then optional path segments. */
const REGISTRY =
  /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+|[a-z0-9-]+(\.[a-z0-9-]+)*:\d+|localhost:\d+)(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

const schema = z.strictObject({
  namespace: z
    .string()
    .refine(isDns1123Label, { message: "must be a DNS-1123 label (lower case letters, digits and '-', at most 63)" })
    .optional(),
  imageRegistry: z
    .string()
    .refine((s) => REGISTRY.test(s), {
      message:
        "must be a registry host with an optional path, e.g. \"registry.example.com/mirror\" (the host needs a '.' or a ':port', or is localhost; no trailing '/')",
    })
    .optional(),
  outputDir: z.string().min(1, { message: "must not be empty" }).optional(),
  argoVersion: z
    .enum(ARGO_VERSIONS, {
      error: (i) =>
        typeof i.input === "number"
          ? `write the version as a string: "${String(i.input)}" (one of ${ARGO_VERSIONS.join(", ")})`
          : `must be one of ${ARGO_VERSIONS.map((v) => `"${v}"`).join(", ")}`,
    })
    .optional(),
  pipelines: z
    .array(z.string().min(1, { message: "must not be empty" }), { error: "must be a list of globs" })
    .min(1, { message: "must list at least one glob" })
    .optional(),
});

/** `a.b[0]` from a zod issue path, prefixed by `prefix` (`wfc.` for package.json). */
function keyPath(path: readonly PropertyKey[], prefix: string): string {
  let out = prefix;
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out;
}

/**
 * Validates a configuration value read from `label` (a file name for messages); `prefix` is the
 * key the value sits under (`wfc` in package.json). Throws a {@link ConfigError} naming the file
 * and every bad key.
 *
 * @example
 * ```ts
 * parseConfig({ namespace: "ci" }, "wfc.config.json", "") // { namespace: "ci" }
 * ```
 */
export function parseConfig(value: unknown, label: string, prefix: string): WfcConfig {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    if (i.code === "unrecognized_keys")
      return i.keys
        .map(
          (k) =>
            `${label}: ${keyPath([...i.path, k], prefix)}: unknown key (known: ${Object.keys(schema.shape).join(", ")})`,
        )
        .join("\n");
    const key = keyPath(i.path, prefix);
    return `${label}: ${key ? `${key}: ` : ""}${i.code === "invalid_type" && !i.path.length ? "the configuration must be an object" : i.message}`;
  });
  throw new ConfigError(lines.join("\n"));
}
