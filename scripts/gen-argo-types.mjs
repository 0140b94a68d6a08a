#!/usr/bin/env node
// Generates packages/sdk/src/argo/types.gen.ts from the vendored Argo JSON schema
// (packages/sdk/schema/jsonschema.json), using the vendored CRD schemas (schema/crd-*.json) to find every
// int-or-string field (`x-kubernetes-int-or-string`), since the JSON schema types some of them as strings.
//
//   node scripts/gen-argo-types.mjs [out-file]     (default: packages/sdk/src/argo/types.gen.ts)
//
// Names: the last segment of the definition name (`io.argoproj.workflow.v1alpha1.Template` -> `Template`).
// On a clash the bare name goes to the first namespace in NAMESPACE_ORDER (Argo Workflows, then
// Kubernetes, then the rest); the others get the namespace's prefix (`CoreEvent`, `EventsTemplate`).
// Property order is alphabetical, as in the schema: the JSON schema and the swagger spec it comes from
// list properties sorted, so the Go struct field order cannot be recovered from them.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const schemaDir = new URL("packages/sdk/schema/", root);
const outFile = process.argv[2] ?? fileURLToPath(new URL("packages/sdk/src/argo/types.gen.ts", root));

const NAMESPACE_ORDER = [
  ["io.argoproj.workflow.v1alpha1", "Wf"],
  ["io.k8s.api.core.v1", "Core"],
  ["io.k8s.apimachinery.pkg.apis.meta.v1", "Meta"],
  ["io.k8s.apimachinery.pkg.api.resource", "Resource"],
  ["io.k8s.apimachinery.pkg.util.intstr", "Intstr"],
  ["io.k8s.api.policy.v1", "Policy"],
  ["github.com.argoproj.argo_events.pkg.apis.events.v1alpha1", "Events"],
  ["eventsource", "EventSource"],
  ["sensor", "Sensor"],
  ["sync", "Sync"],
  ["grpc.gateway.runtime", "Grpc"],
  ["google.protobuf", "Protobuf"],
];
const MANIFEST_KINDS = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow", "WorkflowEventBinding"];
const CRD_FILES = {
  Workflow: "crd-workflow.json",
  WorkflowTemplate: "crd-workflowtemplate.json",
  ClusterWorkflowTemplate: "crd-clusterworkflowtemplate.json",
  CronWorkflow: "crd-cronworkflow.json",
  WorkflowEventBinding: "crd-workfloweventbinding.json",
};
const ARGO = "io.argoproj.workflow.v1alpha1.";

const readJson = (name) => JSON.parse(readFileSync(new URL(name, schemaDir), "utf8"));
const schema = readJson("jsonschema.json");
const defs = schema.definitions;
const refName = (ref) => ref.replace(/^#\/definitions\//, "");

// ---- names -------------------------------------------------------------------------------------------
function namespaceOf(def) {
  return def.slice(0, def.lastIndexOf("."));
}
function rank(def) {
  const ns = namespaceOf(def);
  const i = NAMESPACE_ORDER.findIndex(([n]) => n === ns);
  return i < 0 ? NAMESPACE_ORDER.length : i;
}
function prefixOf(def) {
  const ns = namespaceOf(def);
  const hit = NAMESPACE_ORDER.find(([n]) => n === ns);
  if (hit) return hit[1];
  const last = ns.slice(ns.lastIndexOf(".") + 1);
  return last.charAt(0).toUpperCase() + last.slice(1);
}
const tsNames = new Map();
{
  const taken = new Set();
  const ordered = Object.keys(defs).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const def of ordered) {
    const base = def.slice(def.lastIndexOf(".") + 1).replace(/[^A-Za-z0-9_]/g, "_");
    let name = taken.has(base) ? prefixOf(def) + base : base;
    for (let i = 2; taken.has(name); i++) name = `${prefixOf(def)}${base}${i}`;
    taken.add(name);
    tsNames.set(def, name);
  }
}

// ---- int-or-string fields, found by walking each CRD schema alongside the JSON schema -----------------
const intOrStringNodes = new Set(); // JSON schema nodes (by identity) that must accept number | string
const intOrStringDefs = new Set(); // definitions that are int-or-string wherever the CRDs use them
function walk(crd, js) {
  if (!crd || !js) return;
  if (js.$ref) {
    const target = refName(js.$ref);
    if (crd["x-kubernetes-int-or-string"]) intOrStringDefs.add(target);
    walk(crd, defs[target]);
    return;
  }
  if (crd["x-kubernetes-int-or-string"]) intOrStringNodes.add(js);
  for (const [k, c] of Object.entries(crd.properties ?? {})) walk(c, js.properties?.[k]);
  if (crd.items) walk(crd.items, js.items);
  if (crd.additionalProperties && typeof crd.additionalProperties === "object" && typeof js.additionalProperties === "object") {
    walk(crd.additionalProperties, js.additionalProperties);
  }
}
for (const [kind, file] of Object.entries(CRD_FILES)) walk(readJson(file), defs[ARGO + kind]);

// ---- emit --------------------------------------------------------------------------------------------
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propKey = (k) => (IDENT.test(k) ? k : JSON.stringify(k));

function docComment(node, indent) {
  const text = (node.description ?? node.title ?? "").trim();
  if (!text) return "";
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l.trimEnd()}` : ""}`).join("\n")}\n${indent} */\n`;
}

function typeOf(node, indent) {
  if (!node) return "unknown";
  if (intOrStringNodes.has(node)) return "number | string";
  if (node.$ref) return tsNames.get(refName(node.$ref));
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((e) => JSON.stringify(e)).join(" | ");
  switch (node.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array": {
      const t = typeOf(node.items, indent);
      return /^[A-Za-z0-9_]+$/.test(t) ? `${t}[]` : `Array<${t}>`;
    }
    case "object":
    case undefined: {
      const hasProps = node.properties && Object.keys(node.properties).length > 0;
      const ap = node.additionalProperties;
      if (!hasProps) {
        if (ap && typeof ap === "object") return `Record<string, ${typeOf(ap, indent)}>`;
        return node.type === "object" || ap ? "Record<string, unknown>" : "unknown";
      }
      return objectBody(node, indent);
    }
    default:
      return "unknown";
  }
}

function objectBody(node, indent, overrides = {}) {
  const inner = indent + "  ";
  const required = new Set(node.required ?? []);
  let out = "{\n";
  for (const [k, p] of Object.entries(node.properties ?? {})) {
    const o = overrides[k];
    out += docComment(p, inner);
    out += `${inner}${propKey(k)}${o?.required || required.has(k) ? "" : "?"}: ${o?.type ?? typeOf(p, inner)};\n`;
  }
  const ap = node.additionalProperties;
  if (ap && typeof ap === "object") out += `${inner}[key: string]: ${typeOf(ap, inner)} | undefined;\n`;
  return out + `${indent}}`;
}

let out = `// Generated by scripts/gen-argo-types.mjs from packages/sdk/schema/jsonschema.json
// (Argo Workflows ${"f016ad89eb269d282aec06dc491c29f396a38df4".slice(0, 10)}, Apache-2.0, see packages/sdk/schema/NOTICE.md).
// DO NOT EDIT: run \`node scripts/gen-argo-types.mjs\` instead.
/* eslint-disable */

`;
const sortedDefs = Object.keys(defs).sort((a, b) => (tsNames.get(a) < tsNames.get(b) ? -1 : tsNames.get(a) > tsNames.get(b) ? 1 : 0));
for (const def of sortedDefs) {
  const node = defs[def];
  const name = tsNames.get(def);
  const source = `\n\nSchema definition: \`${def}\`.`;
  const doc = docComment({ description: `${(node.description ?? node.title ?? name).trim()}${source}` }, "");
  const isManifest = def.startsWith(ARGO) && MANIFEST_KINDS.includes(def.slice(ARGO.length));
  if (intOrStringDefs.has(def) && (node.type === "string" || node.type === "integer")) {
    out += `${doc}export type ${name} = number | string;\n\n`;
  } else if (isManifest) {
    const kind = def.slice(ARGO.length);
    const overrides = { apiVersion: { required: true, type: '"argoproj.io/v1alpha1"' }, kind: { required: true, type: JSON.stringify(kind) } };
    out += `${doc}export interface ${name} ${objectBody(node, "", overrides)}\n\n`;
  } else if ((node.type === "object" || node.type === undefined) && node.properties && Object.keys(node.properties).length) {
    out += `${doc}export interface ${name} ${objectBody(node, "")}\n\n`;
  } else {
    out += `${doc}export type ${name} = ${typeOf(node, "")};\n\n`;
  }
}
out += `/** Any of the five Argo Workflows manifest kinds. */
export type ArgoManifest = ${MANIFEST_KINDS.join(" | ")};

/** Generated TS name of each schema definition (for tools and tests). */
export type ArgoDefinitionName =
${[...tsNames.values()].sort().map((n) => `  | ${JSON.stringify(n)}`).join("\n")};
`;
writeFileSync(outFile, out);
console.log(`wrote ${outFile}: ${tsNames.size} definitions, ${intOrStringNodes.size} int-or-string fields, ${intOrStringDefs.size} int-or-string types`);
