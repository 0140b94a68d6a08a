import { expectTypeOf, test } from "vitest";
import type { Executor, PodResult } from "../executor.js";
import { ContainerExecutor, type ContainerExecutorOptions } from "./container-engine.js";
import type { ContainerEngine } from "./engine.js";
import type { HttpExecutor } from "./http.js";
import { type ResolvedImage, resolveImage } from "./image-map.js";
import type { InProcessExecutor } from "./in-process.js";
import { type PodRoute, podRoute, type RouterExecutor } from "./router.js";

test("every executor is an Executor", () => {
  expectTypeOf<ContainerExecutor>().toExtend<Executor>();
  expectTypeOf<InProcessExecutor>().toExtend<Executor>();
  expectTypeOf<HttpExecutor>().toExtend<Executor>();
  expectTypeOf<RouterExecutor>().toExtend<Executor>();
  expectTypeOf<RouterExecutor["run"]>().returns.resolves.toEqualTypeOf<PodResult>();
});

test("options are readonly and the engine is required", () => {
  expectTypeOf<ContainerExecutorOptions["engine"]>().toEqualTypeOf<ContainerEngine>();
  // @ts-expect-error the engine is required
  new ContainerExecutor({});
  expectTypeOf<ContainerEngine["kind"]>().toEqualTypeOf<"podman" | "docker" | "other">();
});

test("routes and resolved images are closed unions", () => {
  expectTypeOf(podRoute).returns.toEqualTypeOf<PodRoute>();
  expectTypeOf<PodRoute>().toEqualTypeOf<"in-process" | "container" | "http" | "unsupported">();
  const r = resolveImage("alpine", []);
  expectTypeOf(r).toEqualTypeOf<ResolvedImage>();
  if (r.kind === "rootfs") expectTypeOf(r.dir).toBeString();
  else expectTypeOf(r.image).toBeString();
});
