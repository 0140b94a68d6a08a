import { ARGO_API_VERSION, WORKFLOW_KINDS } from "@wfc/sdk/internal";
import { describe, expect, it } from "vitest";
import { ClusterError } from "./errors.js";
import { ARGO_GROUP, ARGO_VERSION, parseKindName, resourceFor } from "./resources.js";

describe("resources", () => {
  it("addresses every workflow kind of the SDK, under the SDK's apiVersion", () => {
    expect(WORKFLOW_KINDS.map((k) => resourceFor(k).kind)).toEqual([...WORKFLOW_KINDS]);
    expect(`${ARGO_GROUP}/${ARGO_VERSION}`).toBe(ARGO_API_VERSION);
    expect(ARGO_GROUP).toBe("argoproj.io");
  });

  it("finds a kind by name, plural or short name, case-insensitively", () => {
    expect(
      ["wftmpl", "WorkflowTemplates", "workflowtemplate", "WORKFLOWTEMPLATE"].map((a) => resourceFor(a).kind),
    ).toEqual(Array(4).fill("WorkflowTemplate"));
    expect(resourceFor("cwftmpl")).toMatchObject({ kind: "ClusterWorkflowTemplate", namespaced: false });
    expect(() => resourceFor("pod")).toThrow(ClusterError);
    expect(() => resourceFor("pod")).toThrow(
      'unknown kind "pod": expected one of Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow',
    );
  });

  it("parses KIND/NAME", () => {
    expect(parseKindName("cronwf/nightly")).toMatchObject({ resource: { kind: "CronWorkflow" }, name: "nightly" });
    for (const bad of ["nightly", "/nightly", "cronwf/"]) expect(() => parseKindName(bad)).toThrow(/is not KIND\/NAME/);
  });
});
