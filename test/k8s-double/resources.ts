/**
 * The resources the Kubernetes API double serves, with their discovery data.
 */

/** One served resource. */
export interface DoubleResource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** Vendored CRD schema file (Argo kinds). */
  readonly crd?: string;
}

export const RESOURCES: readonly DoubleResource[] = [
  { group: "", version: "v1", plural: "pods", singular: "pod", kind: "Pod", namespaced: true, shortNames: ["po"] },
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "workflows",
    singular: "workflow",
    kind: "Workflow",
    namespaced: true,
    shortNames: ["wf"],
    crd: "crd-workflow.json",
  },
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "workflowtemplates",
    singular: "workflowtemplate",
    kind: "WorkflowTemplate",
    namespaced: true,
    shortNames: ["wftmpl"],
    crd: "crd-workflowtemplate.json",
  },
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "clusterworkflowtemplates",
    singular: "clusterworkflowtemplate",
    kind: "ClusterWorkflowTemplate",
    namespaced: false,
    shortNames: ["clusterwftmpl", "cwft"],
    crd: "crd-clusterworkflowtemplate.json",
  },
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "cronworkflows",
    singular: "cronworkflow",
    kind: "CronWorkflow",
    namespaced: true,
    shortNames: ["cwf", "cronwf"],
    crd: "crd-cronworkflow.json",
  },
  // where `wfc version` reads the workflow-controller's image (served, not in discovery)
  {
    group: "apps",
    version: "v1",
    plural: "deployments",
    singular: "deployment",
    kind: "Deployment",
    namespaced: true,
    shortNames: ["deploy"],
  },
  // Argo Events (its CRDs carry no schema: x-kubernetes-preserve-unknown-fields)
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "eventbus",
    singular: "eventbus",
    kind: "EventBus",
    namespaced: true,
    shortNames: ["eb"],
  },
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "eventsources",
    singular: "eventsource",
    kind: "EventSource",
    namespaced: true,
    shortNames: ["es"],
  },
  {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "sensors",
    singular: "sensor",
    kind: "Sensor",
    namespaced: true,
    shortNames: ["sn"],
  },
];

export const VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** `APIResourceList` for a group version. */
export function resourceList(groupVersion: string): object {
  const rs = RESOURCES.filter((r) => (r.group ? `${r.group}/${r.version}` : r.version) === groupVersion);
  const resources: object[] = [];
  for (const r of rs) {
    resources.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      shortNames: r.shortNames,
      ...(r.group ? { categories: ["all", "argo"] } : { categories: ["all"] }),
    });
    if (r.plural === "pods")
      resources.push({ name: "pods/log", singularName: "", namespaced: true, kind: "Pod", verbs: ["get"] });
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion, resources };
}
