import { describe, expect, it } from "vitest";
import { inNamespace, listContext, objectContext } from "./operation.js";
import { resourceFor } from "./resources.js";

const conn = { server: "https://k8s:6443", credentials: 'context "dev"' };

describe("objectContext", () => {
  it("names the verb, kind, object and namespace, with the RBAC permission to check", () => {
    expect(objectContext(conn, "create", resourceFor("Workflow"), "hello-*", "ci")).toEqual({
      action: 'creating Workflow "hello-*" in namespace "ci"',
      server: "https://k8s:6443",
      credentials: 'context "dev"',
      namespace: "ci",
      permission: "create workflows.argoproj.io",
    });
  });

  it("a server dry run needs the create permission; cluster-scoped kinds have no namespace", () => {
    const ctx = objectContext(conn, "validate", resourceFor("cwftmpl"), "shared", "ci");
    expect(ctx.action).toBe('validating (server dry run) ClusterWorkflowTemplate "shared"');
    expect(ctx.permission).toBe("create clusterworkflowtemplates.argoproj.io");
    expect(ctx.namespace).toBeUndefined();
  });
});

describe("listContext", () => {
  it("says the namespace unless listing all namespaces or a cluster-scoped kind", () => {
    expect(listContext(conn, resourceFor("CronWorkflow"), "ci").action).toBe('listing cronworkflows in namespace "ci"');
    expect(listContext(conn, resourceFor("CronWorkflow"), undefined).action).toBe("listing cronworkflows");
    const cluster = listContext(conn, resourceFor("ClusterWorkflowTemplate"), "ci");
    expect(cluster.action).toBe("listing clusterworkflowtemplates");
    expect(cluster.namespace).toBeUndefined();
  });
});

describe("inNamespace", () => {
  it("sets metadata.namespace of namespaced kinds only, keeping the rest of the metadata", () => {
    const wf = { kind: "Workflow", metadata: { generateName: "x-", labels: { a: "b" } } };
    expect(inNamespace(resourceFor("Workflow"), wf, "ci")).toEqual({
      kind: "Workflow",
      metadata: { generateName: "x-", labels: { a: "b" }, namespace: "ci" },
    });
    const cwt = { kind: "ClusterWorkflowTemplate", metadata: { name: "t" } };
    expect(inNamespace(resourceFor("ClusterWorkflowTemplate"), cwt, "ci")).toBe(cwt);
  });
});
