/**
 * The runner's executors: a container engine (podman, docker, or `--engine`), an in-process
 * sandbox for Node.js scripts, and the router that picks one per pod.
 */
export { ContainerExecutor, type ContainerExecutorOptions } from "./container-engine.js";
export { detectEngine, probeEngine, type ContainerEngine, type DetectEngineOptions } from "./engine.js";
export { parseImageMapEntry, resolveImage, type ImageMapEntry, type ResolvedImage } from "./image-map.js";
export { containerRunArgs, type BindMount, type ContainerLike, type ContainerRunSpec } from "./container-args.js";
export { ExecutorError, ExecutorCodes, NO_ENGINE_HINT } from "./errors.js";
export { InProcessExecutor, isNodeScript, type InProcessExecutorOptions } from "./in-process.js";
export { HttpExecutor, type HttpExecutorOptions } from "./http.js";
export { RouterExecutor, podRoute, containerTemplates, preflight, type PodRoute, type RouterExecutorOptions } from "./router.js";
export { parseMount } from "./mounts.js";
