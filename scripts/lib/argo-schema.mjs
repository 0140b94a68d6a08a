// The vendored Argo Workflows JSON schema (packages/sdk/schema/jsonschema.json) as the generators see it:
// which definitions packages/sdk/src/argo/types.gen.ts holds, and the TypeScript name of each.
// Used by scripts/gen-argo-types.mjs (to emit them) and scripts/gen-events-types.mjs (to import the
// Kubernetes types from @wfc/sdk/argo instead of declaring them a second time).
//
// Names: the last segment of the definition name (`io.argoproj.workflow.v1alpha1.Template` -> `Template`).
// On a clash the bare name goes to the first namespace in NAMESPACE_ORDER (Argo Workflows, then
// Kubernetes, then the rest); the others get the namespace's prefix (`CoreEvent`, `CoreHTTPHeader`). The names of
// the Argo Events kinds (RESERVED_FOR_EVENTS) are never bare here (`CoreEventSource`), so that the two generated
// files share no name.
//
// Left out: the Argo Events namespace and the Argo Server's eventsource/sensor API messages that wrap it.
// Argo Events types are generated from Argo Events' own schema into packages/events/src/types.gen.ts.
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
export const ARGO_SCHEMA_DIR = new URL("packages/sdk/schema/", root);

export const NAMESPACE_ORDER = [
  ["io.argoproj.workflow.v1alpha1", "Wf"],
  ["io.k8s.api.core.v1", "Core"],
  ["io.k8s.apimachinery.pkg.apis.meta.v1", "Meta"],
  ["io.k8s.apimachinery.pkg.api.resource", "Resource"],
  ["io.k8s.apimachinery.pkg.util.intstr", "Intstr"],
  ["io.k8s.api.policy.v1", "Policy"],
  ["sync", "Sync"],
  ["grpc.gateway.runtime", "Grpc"],
  ["google.protobuf", "Protobuf"],
];
/** Names of the Argo Events kinds, which packages/events/src/types.gen.ts declares. */
export const RESERVED_FOR_EVENTS = ["EventBus", "EventSource", "Sensor"];
/** Namespaces not emitted into the SDK's types (see the header). */
export const LEFT_OUT_NAMESPACES = [
  "github.com.argoproj.argo_events.pkg.apis.events.v1alpha1",
  "eventsource",
  "sensor",
];

export const refName = (ref) => ref.replace(/^#\/definitions\//, "");
export const namespaceOf = (def) => def.slice(0, def.lastIndexOf("."));

/** `$ref` targets anywhere below `node`. */
export function refsOf(node, out = new Set()) {
  if (!node || typeof node !== "object") return out;
  if (typeof node.$ref === "string") out.add(refName(node.$ref));
  for (const v of Object.values(node)) if (typeof v === "object") refsOf(v, out);
  return out;
}

export function readArgoJson(name) {
  return JSON.parse(readFileSync(new URL(name, ARGO_SCHEMA_DIR), "utf8"));
}

/**
 * The definitions the SDK's generated file holds (`defs`, keyed by definition name), the ones left out
 * (`leftOut`), and the TypeScript name of each kept one (`tsNames`).
 */
export function argoDefinitions() {
  const all = readArgoJson("jsonschema.json").definitions;
  const defs = {};
  const leftOut = [];
  for (const [def, node] of Object.entries(all)) {
    if (LEFT_OUT_NAMESPACES.includes(namespaceOf(def))) leftOut.push(def);
    else defs[def] = node;
  }
  for (const [def, node] of Object.entries(defs)) {
    for (const r of refsOf(node)) if (!defs[r]) throw new Error(`${def} refers to ${r}, which is left out or missing`);
  }
  const rank = (def) => {
    const i = NAMESPACE_ORDER.findIndex(([n]) => n === namespaceOf(def));
    return i < 0 ? NAMESPACE_ORDER.length : i;
  };
  const prefixOf = (def) => {
    const ns = namespaceOf(def);
    const hit = NAMESPACE_ORDER.find(([n]) => n === ns);
    if (hit) return hit[1];
    const last = ns.slice(ns.lastIndexOf(".") + 1);
    return last.charAt(0).toUpperCase() + last.slice(1);
  };
  const tsNames = new Map();
  const taken = new Set(RESERVED_FOR_EVENTS);
  const ordered = Object.keys(defs).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const def of ordered) {
    const base = def.slice(def.lastIndexOf(".") + 1).replace(/[^A-Za-z0-9_]/g, "_");
    let name = taken.has(base) ? prefixOf(def) + base : base;
    for (let i = 2; taken.has(name); i++) name = `${prefixOf(def)}${base}${i}`;
    taken.add(name);
    tsNames.set(def, name);
  }
  return { defs, leftOut, tsNames };
}
