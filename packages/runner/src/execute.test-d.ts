import type { Workflow } from "@wfc/sdk/argo";
import { describe, expectTypeOf, it } from "vitest";
import type { Clock } from "./clock.js";
import { virtualClock } from "./clock-virtual.js";
import { execute } from "./execute.js";
import type { ExecuteOptions, ExecuteResult } from "./run-options.js";
import type { ScriptedPod } from "./scripted-executor.js";
import { scriptedExecutor } from "./scripted-executor.js";

describe("execute types", () => {
  it("resolves with the final Workflow and a closed set of phases", () => {
    expectTypeOf(execute).parameter(0).toEqualTypeOf<Workflow>();
    expectTypeOf(execute).returns.resolves.toEqualTypeOf<ExecuteResult>();
    expectTypeOf<ExecuteResult["phase"]>().toEqualTypeOf<"Succeeded" | "Failed" | "Error">();
  });
  it("takes a virtual clock and a scripted executor", () => {
    expectTypeOf(virtualClock()).toMatchTypeOf<Clock>();
    expectTypeOf(scriptedExecutor().requests).items.toHaveProperty("nodeName").toEqualTypeOf<string>();
    expectTypeOf<ScriptedPod>().toMatchTypeOf<object>();
    // @ts-expect-error: a scripted result's exit code is a number
    const bad: ScriptedPod = { exitCode: "1" };
    void bad;
  });
  it("resources: only the in-memory store, and its objects come back", () => {
    expectTypeOf<ExecuteOptions["resources"]>().toEqualTypeOf<"memory" | undefined>();
    expectTypeOf<ExecuteResult["resources"]>().toEqualTypeOf<readonly Record<string, unknown>[] | undefined>();
    // @ts-expect-error: there is no other store
    const bad: ExecuteOptions["resources"] = "cluster";
    void bad;
  });
});
