/**
 * The Argo Workflows versions wfc can target (`wfc build --argo-version`, `compile(wf, { argoVersion })`):
 * the facts about the versions themselves. What differs between them is in
 * `compiler/argo-versions.ts`.
 *
 * @internal
 */
import { WfcError } from "./errors.js";

/**
 * The Argo Workflows minor versions wfc can emit manifests for, oldest first.
 *
 * @example
 * ```ts
 * for (const v of ARGO_VERSIONS) console.log(v); // 3.5 ... 4.1
 * ```
 */
export const ARGO_VERSIONS = ["3.5", "3.6", "3.7", "4.0", "4.1"] as const;

/**
 * An Argo Workflows minor version wfc can target.
 *
 * @example
 * ```ts
 * const v: ArgoVersion = "3.6";
 * ```
 */
export type ArgoVersion = (typeof ARGO_VERSIONS)[number];

/**
 * The version wfc's model follows and emits by default.
 *
 * @example
 * ```ts
 * compile(wf, { argoVersion: DEFAULT_ARGO_VERSION }); // the same as compile(wf)
 * ```
 */
export const DEFAULT_ARGO_VERSION: ArgoVersion = "4.1";

/**
 * True when `v` is one of {@link ARGO_VERSIONS}.
 *
 * @example
 * ```ts
 * isArgoVersion("3.6") // true
 * ```
 */
export function isArgoVersion(v: unknown): v is ArgoVersion {
  return typeof v === "string" && (ARGO_VERSIONS as readonly string[]).includes(v);
}

/**
 * Compares two versions: negative when `a` is older than `b`, 0 when equal, positive when newer.
 *
 * @example
 * ```ts
 * compareArgoVersions("3.6", "4.0") < 0 // true
 * ```
 */
export function compareArgoVersions(a: ArgoVersion, b: ArgoVersion): number {
  return ARGO_VERSIONS.indexOf(a) - ARGO_VERSIONS.indexOf(b);
}

/**
 * Thrown for a version wfc cannot target (`--argo-version 3.4`).
 *
 * @example
 * ```ts
 * try { parseArgoVersion("3.4"); } catch (e) { if (e instanceof UnknownArgoVersionError) console.error(e.message); }
 * ```
 */
export class UnknownArgoVersionError extends WfcError {
  constructor(given: string) {
    super("E_ARGO_VERSION_UNKNOWN", `unknown Argo version "${given}": wfc targets ${ARGO_VERSIONS.join(", ")}`);
    this.name = "UnknownArgoVersionError";
  }
}

/**
 * Reads a target version as given by a user: `3.6`, `v3.6` or a patch release (`3.6.19`, `v3.6.19`)
 * all mean 3.6. Throws {@link UnknownArgoVersionError} for anything else.
 *
 * @example
 * ```ts
 * parseArgoVersion("v3.6.19") // "3.6"
 * ```
 */
export function parseArgoVersion(given: string): ArgoVersion {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(given.trim());
  const v = m ? `${m[1]}.${m[2]}` : "";
  if (!isArgoVersion(v)) throw new UnknownArgoVersionError(given);
  return v;
}
