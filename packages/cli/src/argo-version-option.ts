/**
 * The `--argo-version` option of `wfc build`, `lint`, `submit` and `apply`: the Argo version to emit
 * manifests for and validate them against (the SDK's table of version differences lowers them).
 */
import { ARGO_VERSIONS, type ArgoVersion, DEFAULT_ARGO_VERSION, parseArgoVersion, WfcError } from "@wfc/sdk";
import { InvalidArgumentError, Option } from "commander";

/**
 * A new `--argo-version <version>` option (`3.5`, `v3.6.19`... read as the minor version), default 4.1.
 *
 * @example
 * ```ts
 * program.command("build").addOption(argoVersionOption());
 * ```
 */
export function argoVersionOption(): Option {
  return new Option(
    "--argo-version <version>",
    `the Argo Workflows version to emit for and validate against (${ARGO_VERSIONS.join("|")}; see docs/argo-versions.md)`,
  )
    .argParser((value: string): ArgoVersion => {
      try {
        return parseArgoVersion(value);
      } catch (e) {
        if (e instanceof WfcError) throw new InvalidArgumentError(e.message);
        throw e;
      }
    })
    .default(DEFAULT_ARGO_VERSION);
}
