// compile() returns the generated Argo type of the object's kind, so a manifest's fields are typed
// (no casts to read `spec.templates[0].container.image`).
import { describe, expectTypeOf, it } from "vitest";
import type {
  ClusterWorkflowTemplate,
  CronWorkflow,
  Workflow,
  WorkflowEventBinding,
  WorkflowTemplate,
} from "./argo/index.js";
import {
  clusterWorkflowTemplate,
  compile,
  compileAll,
  container,
  cronWorkflow,
  isKubernetesObject,
  isWorkflowManifest,
  type KubernetesObject,
  MANIFESTS,
  type Manifest,
  parseK8sYaml,
  type WorkflowManifest,
  workflow,
  workflowEventBinding,
  workflowTemplate,
  z,
} from "./index.js";

const say = container({ name: "say", inputs: { msg: z.string() } }, ({ msg }) => ({ image: "alpine", args: [msg] }));
const body = () => {
  say({ msg: "hi" });
};

describe("compile()", () => {
  it("is typed by the workflow's kind", () => {
    expectTypeOf(compile(workflow({ name: "w" }, body))).toEqualTypeOf<Workflow>();
    expectTypeOf(compile(workflowTemplate({ name: "t" }, body))).toEqualTypeOf<WorkflowTemplate>();
    expectTypeOf(compile(clusterWorkflowTemplate({ name: "c" }, body))).toEqualTypeOf<ClusterWorkflowTemplate>();
    expectTypeOf(compile(cronWorkflow({ name: "n", schedules: ["0 * * * *"] }, body))).toEqualTypeOf<CronWorkflow>();
  });

  it("gives typed fields", () => {
    const m = compile(workflow({ name: "w" }, body));
    expectTypeOf(m.kind).toEqualTypeOf<"Workflow">();
    expectTypeOf(m.spec.templates?.[0]?.container?.image).toEqualTypeOf<string | undefined>();
    expectTypeOf(m.metadata.name).toEqualTypeOf<string | undefined>();
    const cron = compile(cronWorkflow({ name: "n", schedules: ["0 * * * *"] }, body));
    expectTypeOf(cron.spec.workflowSpec.templates?.[0]?.container?.args).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(cron.spec.schedules).toEqualTypeOf<string[]>();
    // @ts-expect-error: a Workflow's spec has no schedules
    compile(workflow({ name: "w" }, body)).spec.schedules;
  });

  it("of an object of unknown kind is the union, narrowed by kind", () => {
    const any = [workflow({ name: "w" }, body), cronWorkflow({ name: "n", schedules: [] }, body)] as const;
    const m = compile(any[Math.random() > 0.5 ? 0 : 1]);
    expectTypeOf(m).toEqualTypeOf<Workflow | CronWorkflow>();
    if (m.kind === "CronWorkflow") expectTypeOf(m.spec.workflowSpec.entrypoint).toEqualTypeOf<string | undefined>();
    else expectTypeOf(m.spec.entrypoint).toEqualTypeOf<string | undefined>();
    expectTypeOf(compileAll([workflow({ name: "w" }, body)])).toEqualTypeOf<Workflow[]>();
  });
});

describe("manifest types", () => {
  it("Manifest is the union of the Argo kinds; every one is a KubernetesObject", () => {
    expectTypeOf<Manifest>().toEqualTypeOf<WorkflowManifest | WorkflowEventBinding>();
    expectTypeOf<Workflow>().toExtend<KubernetesObject>();
    expectTypeOf<WorkflowEventBinding>().toExtend<KubernetesObject>();
    const b = workflowEventBinding({ name: "b", selector: "true", template: { name: "t" } });
    expectTypeOf(b[MANIFESTS]()).toEqualTypeOf<readonly WorkflowEventBinding[]>();
  });

  it("unknown YAML is narrowed by isKubernetesObject, then isWorkflowManifest", () => {
    const docs = parseK8sYaml("kind: Workflow\n");
    expectTypeOf(docs).toEqualTypeOf<unknown[]>();
    const objects = docs.filter(isKubernetesObject);
    expectTypeOf(objects).toEqualTypeOf<KubernetesObject[]>();
    const first = objects[0];
    if (first && isWorkflowManifest(first)) expectTypeOf(first).toEqualTypeOf<WorkflowManifest>();
  });
});
