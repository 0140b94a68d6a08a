/**
 * The shape of a wfc project configuration (`wfc.config.ts`, `.mjs`, `.js`, `.json`, or a `wfc`
 * key in `package.json`) and {@link defineConfig}, which types it. This module imports nothing, so
 * a config file that imports it (from `wfc` or `@wfc/cli/config`) loads fast.
 */
import type { ArgoVersion as SdkArgoVersion } from "@wfc/sdk";

/**
 * An Argo Workflows version `wfc` can target, written as a string (`"4.0"`, not `4`): the SDK's
 * list (`ARGO_VERSIONS` in `@wfc/sdk`), imported as a type only so this module loads nothing.
 *
 * @example
 * ```ts
 * const v: ArgoVersion = "3.7";
 * ```
 */
export type ArgoVersion = SdkArgoVersion;

/**
 * A wfc project's settings. Every field is optional; a command-line flag always wins over the
 * file. Relative paths (`outputDir`, `pipelines`) are relative to the directory of the file that
 * holds the configuration, not to the current directory.
 *
 * @example
 * ```ts
 * const config: WfcConfig = { namespace: "ci", pipelines: ["pipelines/**\/*.ts"], outputDir: "manifests" };
 * ```
 */
export interface WfcConfig {
  /**
   * The namespace of the cluster commands (`submit`, `apply`, `get`, `list`, `logs`, `delete`,
   * `lint --server`) when `-n` is not given. A DNS-1123 label.
   * @default the kubeconfig context's namespace
   */
  readonly namespace?: string;
  /**
   * A registry (host, optional `:port`, optional path) put in front of every container image that
   * names no registry, in what `wfc build`, `submit` and `apply` produce. An image names a registry
   * when the part before its first `/` contains a `.` or a `:`, or is `localhost` (Docker's rule):
   * with `"registry.example.com/mirror"`, `alpine:3.20` becomes
   * `registry.example.com/mirror/alpine:3.20` and `myorg/app:1` becomes
   * `registry.example.com/mirror/myorg/app:1`; `ghcr.io/x/y:1`, `localhost:5000/x` and images
   * holding an Argo expression (`{{...}}`) are left alone. `wfc run` and `wfc lint` do not apply it.
   * @default no prefix
   */
  readonly imageRegistry?: string;
  /**
   * Where `wfc build` writes one file per manifest when it builds the project's `pipelines` (no
   * FILE argument) and `-d` is not given. With FILE arguments `wfc build` prints to stdout unless
   * `-d` is given.
   * @default stdout
   */
  readonly outputDir?: string;
  /**
   * The Argo Workflows version the output targets: the default of `--argo-version`.
   * @default "4.1"
   */
  readonly argoVersion?: ArgoVersion;
  /**
   * Globs of the pipeline modules (`.ts`, `.mts`, `.js`, `.mjs`) and manifests that `wfc build`,
   * `wfc lint` and `wfc graph` use when no FILE is given, e.g. `["pipelines/**\/*.ts"]`. Test files
   * (`*.test.ts`, `*.spec.ts`), declaration files, `node_modules` and `wfc.config.*` are
   * never matched.
   * @default none: a FILE argument is required
   */
  readonly pipelines?: readonly string[];
}

/**
 * Types a project configuration; returns it unchanged (the CLI validates it when it loads it).
 *
 * @example
 * ```ts
 * // wfc.config.ts
 * import { defineConfig } from "wfc";
 *
 * export default defineConfig({
 *   namespace: "ci",
 *   imageRegistry: "registry.example.com/mirror",
 *   outputDir: "manifests",
 *   argoVersion: "3.7",
 *   pipelines: ["pipelines/**\/*.ts"],
 * });
 * ```
 */
export function defineConfig(config: WfcConfig): WfcConfig {
  return config;
}
