/**
 * The runner's executors: a container engine (podman, docker, or `--engine`), an in-process
 * sandbox for Node.js scripts, and the router that picks one per pod.
 */

export { type BindMount, type ContainerLike, type ContainerRunSpec, containerRunArgs } from "./container-args.js";
export { ContainerExecutor, type ContainerExecutorOptions } from "./container-engine.js";
export { type ContainerEngine, type DetectEngineOptions, detectEngine, probeEngine } from "./engine.js";
export { ExecutorCodes, ExecutorError, NO_ENGINE_HINT } from "./errors.js";
export { HttpExecutor, type HttpExecutorOptions } from "./http.js";
export { type ImageMapEntry, parseImageMapEntry, type ResolvedImage, resolveImage } from "./image-map.js";
export { InProcessExecutor, type InProcessExecutorOptions, isNodeScript } from "./in-process.js";
export { parseMount } from "./mounts.js";
export {
  containerTemplates,
  type PodRoute,
  podRoute,
  preflight,
  RouterExecutor,
  type RouterExecutorOptions,
} from "./router.js";
