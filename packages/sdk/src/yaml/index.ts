export { parseK8sYaml } from "./parse.js";
export { resolvePlainScalar } from "./scalars.js";
export { YamlError } from "./errors.js";
export { emitYaml, emitYamlBytes, emitJson } from "./emit.js";
export { k8sEqual } from "./equal.js";
export type { K8sDiff } from "./equal.js";
