export { parseK8sYaml } from "./parse.js";
export { resolvePlainScalar } from "./scalars.js";
export { YamlError } from "./errors.js";
