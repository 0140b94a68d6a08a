/**
 * Stale field names in upstream Argo Events examples: fields the current schema does not have (the CRDs carry
 * no schema, so a cluster accepts them silently and ignores them). The TypeScript reproductions in
 * examples/events/ use the current field (or drop a field that no longer exists); the golden test applies the
 * same correction to the upstream file before comparing, and nothing else.
 */
export type Path = readonly (string | number)[];

export type Correction =
  | { readonly op: "rename"; readonly path: Path; readonly to: string; readonly why: string }
  | { readonly op: "remove"; readonly path: Path; readonly why: string }
  | { readonly op: "move"; readonly path: Path; readonly to: Path; readonly why: string }
  | { readonly op: "set"; readonly path: Path; readonly value: unknown; readonly why: string };

/** Upstream file -> corrections of its (first) Argo Events document. */
export const CORRECTIONS: Readonly<Record<string, readonly Correction[]>> = {
  "sensors__multi-dependencies.yaml": [
    {
      op: "set",
      path: [
        "spec",
        "triggers",
        0,
        "template",
        "k8s",
        "source",
        "resource",
        "spec",
        "templates",
        0,
        "inputs",
        "parameters",
      ],
      value: [{ name: "message1" }, { name: "message2" }],
      why: "the template declares an input `message` that nothing supplies and prints `message1` and `message2`, which it does not declare: Argo rejects the workflow (inputs.parameters.message was not supplied)",
    },
  ],
  "event-sources__stripe.yaml": [
    {
      op: "remove",
      path: ["spec", "stripe", "example", "namespace"],
      why: "StripeEventSource has no namespace (the secret is read from the event source's namespace)",
    },
  ],
  "sensors__trigger-openwhisk.yaml": [
    {
      op: "rename",
      path: ["spec", "triggers", 0, "template", "openwhisk"],
      to: "openWhisk",
      why: "the trigger is `openWhisk`",
    },
  ],
  "sensors__trigger-with-policy.yaml": [
    {
      op: "move",
      path: ["spec", "triggers", 0, "template", "policy"],
      to: ["spec", "triggers", 0, "policy"],
      why: "policy is a field of Trigger, not of TriggerTemplate",
    },
  ],
  "sensors__url-sensor.yaml": [
    {
      op: "rename",
      path: ["spec", "triggers", 0, "template", "k8s", "source", "url", "verifycert"],
      to: "verifyCert",
      why: "URLArtifact's field is `verifyCert`",
    },
  ],
  "tutorials__03-trigger-sources__sensor-cm.yaml": [
    {
      op: "remove",
      path: ["spec", "triggers", 0, "template", "k8s", "source", "configmap", "namespace"],
      why: "a ConfigMapKeySelector has no namespace (the sensor's namespace is used)",
    },
  ],
  "tutorials__06-trigger-conditions__minio-event-source.yaml": [
    { op: "remove", path: ["spec", "type"], why: "EventSourceSpec has no `type` (the type is the key, `minio`)" },
  ],
  "tutorials__09-http-trigger__minio-event-source.yaml": [
    { op: "remove", path: ["spec", "type"], why: "EventSourceSpec has no `type` (the type is the key, `minio`)" },
  ],
  "tutorials__09-http-trigger__sensor-02.yaml": [
    {
      op: "rename",
      path: ["spec", "triggers", 0, "template", "http", "serverURL"],
      to: "url",
      why: "HTTPTrigger's field is `url`",
    },
  ],
};

type Obj = Record<string | number, unknown>;

function parentOf(doc: unknown, path: Path): Obj {
  let cur = doc as Obj;
  for (const k of path.slice(0, -1)) cur = cur[k] as Obj;
  if (!cur || typeof cur !== "object") throw new Error(`correction path ${path.join(".")} not found`);
  return cur;
}

/** Applies corrections to a parsed document (in place) and returns it. */
export function applyCorrections<T>(doc: T, corrections: readonly Correction[] = []): T {
  for (const c of corrections) {
    const parent = parentOf(doc, c.path);
    const key = c.path[c.path.length - 1]!;
    if (!(key in parent)) throw new Error(`correction path ${c.path.join(".")} not found`);
    const value = parent[key];
    if (c.op === "set") {
      parent[key] = c.value;
      continue;
    }
    delete parent[key];
    if (c.op === "rename") parent[c.to] = value;
    else if (c.op === "move") parentOf(doc, c.to)[c.to[c.to.length - 1]!] = value;
  }
  return doc;
}
