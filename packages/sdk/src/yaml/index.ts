export { stringifyJson } from "../core/json.js";
export { emitJson, emitYaml, emitYamlBytes } from "./emit.js";
export type { K8sDiff } from "./equal.js";
export { k8sEqual } from "./equal.js";
export { YamlError } from "./errors.js";
export { parseK8sYaml, YAML_LIMITS, type YamlLimits } from "./parse.js";
export { resolvePlainScalar } from "./scalars.js";
