import { createRequire } from "node:module";

type YamlLib = typeof import("yaml");
let lib: YamlLib | undefined;

/**
 * The `yaml` package, loaded on first use (`wfc build` never parses YAML, so it does not pay for
 * loading it). The SDK's build bundles the installed package into one file, `dist/vendor/yaml.cjs`
 * (scripts/bundle.mjs; `dist/yaml/` and `dist/chunks/` both sit beside `dist/vendor/`), which
 * loads in about a quarter of the time of its ~60 modules; run from sources (tests), the package
 * itself is loaded. The same code either way. For wfc's sibling packages (kubeconfig parsing,
 * YAML positions), through `@wfc/sdk/internal`.
 *
 * @internal
 * @example
 * ```ts
 * yamlLibrary().parseDocument("a: 1").toJS(); // { a: 1 }
 * ```
 */
export function yamlLibrary(): YamlLib {
  if (lib) return lib;
  const require = createRequire(import.meta.url);
  try {
    lib = require("../vendor/yaml.cjs") as YamlLib;
  } catch (e) {
    if ((e as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw e;
    lib = require("yaml") as YamlLib;
  }
  return lib;
}
