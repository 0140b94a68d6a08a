import { describe, expectTypeOf, it } from "vitest";
import type { KubeObject, Workflow } from "../types.js";
import type { WorkflowClient } from "../workflow-client.js";
import { type AppliedObject, applyAll } from "./apply-all.js";
import { type EventsKind, eventsKindFor } from "./events-resources.js";
import { type FieldTerm, parseFieldSelector } from "./field-selector.js";
import { formulateRetry, type RetryOptions, type RetryPlan } from "./retry.js";
import { type RetryResult, retryWorkflow, stopWorkflow } from "./workflow-actions.js";

describe("operation types", () => {
  it("retry plans and results carry Workflows and pod names", () => {
    expectTypeOf(formulateRetry).returns.toEqualTypeOf<RetryPlan>();
    expectTypeOf<RetryPlan["workflow"]>().toEqualTypeOf<Workflow>();
    expectTypeOf<RetryPlan["podsToDelete"]>().toEqualTypeOf<readonly string[]>();
    expectTypeOf(retryWorkflow).returns.resolves.toEqualTypeOf<RetryResult>();
    expectTypeOf(stopWorkflow).parameter(0).toEqualTypeOf<WorkflowClient>();
    // options are readonly and optional
    expectTypeOf<{}>().toExtend<RetryOptions>();
    // @ts-expect-error: parameters are NAME=VALUE strings, not an object
    formulateRetry({} as Workflow, { parameters: { message: "x" } });
  });

  it("selectors, Events kinds and apply results", () => {
    expectTypeOf(parseFieldSelector).returns.toEqualTypeOf<FieldTerm[]>();
    expectTypeOf<FieldTerm["op"]>().toEqualTypeOf<"=" | "!=">();
    expectTypeOf(eventsKindFor).returns.toEqualTypeOf<EventsKind | undefined>();
    expectTypeOf<EventsKind>().toEqualTypeOf<"EventBus" | "EventSource" | "Sensor">();
    expectTypeOf(applyAll).returns.resolves.toEqualTypeOf<AppliedObject[]>();
    expectTypeOf<AppliedObject["object"]>().toEqualTypeOf<KubeObject>();
  });
});
