import type * as argo from "@wfc/sdk/argo";
import { describe, expectTypeOf, it } from "vitest";
import {
  isCompleted,
  type KubeObject,
  type NodeStatus,
  type ObjectMeta,
  type Workflow,
  type WorkflowStatus,
} from "./index.js";
import type { WorkflowClient } from "./workflow-client.js";

describe("client types", () => {
  it("Workflow, WorkflowStatus, NodeStatus and ObjectMeta are the generated Argo types", () => {
    expectTypeOf<Workflow>().toEqualTypeOf<argo.Workflow>();
    expectTypeOf<WorkflowStatus>().toEqualTypeOf<argo.WorkflowStatus>();
    expectTypeOf<NodeStatus>().toEqualTypeOf<argo.NodeStatus>();
    expectTypeOf<ObjectMeta>().toEqualTypeOf<argo.ObjectMeta>();
  });

  it("every generated manifest is a KubeObject, so the client reads and writes them", () => {
    expectTypeOf<argo.Workflow>().toExtend<KubeObject>();
    expectTypeOf<argo.CronWorkflow>().toExtend<KubeObject>();
    expectTypeOf<argo.ClusterWorkflowTemplate>().toExtend<KubeObject>();
    const client = {} as WorkflowClient;
    expectTypeOf(client.get<Workflow>("Workflow", "x")).resolves.toEqualTypeOf<Workflow>();
    expectTypeOf<ReturnType<WorkflowClient["watchWorkflow"]>>().toEqualTypeOf<AsyncIterable<Workflow>>();
  });

  it("isCompleted takes the generated (string) phase", () => {
    const wf = {} as Workflow;
    expectTypeOf(wf.status?.phase).toEqualTypeOf<string | undefined>();
    expectTypeOf(isCompleted).toBeCallableWith(wf.status?.phase);
    expectTypeOf(isCompleted).toBeCallableWith("Succeeded");
  });
});
