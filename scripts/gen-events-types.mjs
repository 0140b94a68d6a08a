#!/usr/bin/env node
// Generates packages/events/src/types.gen.ts from the vendored Argo Events JSON schema
// (packages/events/schema/jsonschema.json).
//
//   node scripts/gen-events-types.mjs [out-file]     (default: packages/events/src/types.gen.ts)
//
// Only the definitions reachable from the three kinds (EventBus, EventSource, Sensor) are emitted (the
// schema also carries most of the Kubernetes API). Names: the last segment of the definition name
// (`io.argoproj.events.v1alpha1.Trigger` -> `Trigger`); the reachable set has no clashes (checked below).
// Int-or-string definitions (`type: ["integer", "string"]`) become `number | string`.
//
// Required fields: the schema marks a field required when its Go field lacks `omitempty`, which is not a
// validity rule (the CRDs carry no schema; a missing field decodes as Go's zero value). The generated types and
// `validateEventsManifest` follow the schema's `required`, except for RELAXED_REQUIRED below: fields that
// upstream's own examples leave out and that the controller treats as optional.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const schemaFile = new URL("packages/events/schema/jsonschema.json", root);
const outFile = process.argv[2] ?? fileURLToPath(new URL("packages/events/src/types.gen.ts", root));

const EVENTS = "io.argoproj.events.v1alpha1.";
const KINDS = ["EventBus", "EventSource", "Sensor"];
/** Definition (short name) -> fields the schema lists as required that are optional in practice. */
const RELAXED_REQUIRED = {
  WebhookContext: ["url"],
  WebhookEventSource: ["url"],
  AzureServiceBusEventSource: ["topicName", "subscriptionName"],
  AzureServiceBusTrigger: ["topicName", "subscriptionName"],
  CustomTrigger: ["secure", "payload"],
  EventContext: ["id", "source", "specversion", "type", "datacontenttype", "subject", "time"],
  HTTPTrigger: ["payload", "url"],
};

const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const defs = schema.definitions;
const refName = (ref) => ref.replace(/^#\/definitions\//, "");

// ---- reachable definitions and their names -------------------------------------------------------------
const reachable = new Set();
function reach(node) {
  if (!node || typeof node !== "object") return;
  if (node.$ref) {
    const r = refName(node.$ref);
    if (!reachable.has(r)) {
      reachable.add(r);
      reach(defs[r]);
    }
  }
  for (const v of Object.values(node)) if (typeof v === "object") reach(v);
}
for (const k of KINDS) {
  reachable.add(EVENTS + k);
  reach(defs[EVENTS + k]);
}
const tsNames = new Map();
for (const def of reachable) {
  const name = def.slice(def.lastIndexOf(".") + 1).replace(/[^A-Za-z0-9_]/g, "_");
  if ([...tsNames.values()].includes(name)) throw new Error(`name clash: ${name} (${def})`);
  tsNames.set(def, name);
}
for (const [name, fields] of Object.entries(RELAXED_REQUIRED)) {
  const node = defs[EVENTS + name];
  for (const f of fields) if (!node?.required?.includes(f)) throw new Error(`RELAXED_REQUIRED: ${name}.${f} is not required in the schema`);
}

// ---- emit ----------------------------------------------------------------------------------------------
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propKey = (k) => (IDENT.test(k) ? k : JSON.stringify(k));
const isIntOrString = (node) => Array.isArray(node.type) && node.type.includes("integer") && node.type.includes("string");

function docComment(node, indent) {
  const text = (node.description ?? node.title ?? "").trim();
  if (!text) return "";
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l.trimEnd()}` : ""}`).join("\n")}\n${indent} */\n`;
}

function typeOf(node, indent) {
  if (!node) return "unknown";
  if (node.$ref) return tsNames.get(refName(node.$ref));
  if (isIntOrString(node)) return "number | string";
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

function objectBody(node, indent, overrides = {}, relaxed = []) {
  const inner = indent + "  ";
  const required = new Set((node.required ?? []).filter((r) => !relaxed.includes(r)));
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

let out = `// Generated by scripts/gen-events-types.mjs from packages/events/schema/jsonschema.json
// (Argo Events 6478ece495, Apache-2.0, see packages/events/schema/NOTICE.md).
// DO NOT EDIT: run \`node scripts/gen-events-types.mjs\` instead.
/* eslint-disable */

`;
const sorted = [...reachable].sort((a, b) => (tsNames.get(a) < tsNames.get(b) ? -1 : tsNames.get(a) > tsNames.get(b) ? 1 : 0));
for (const def of sorted) {
  const node = defs[def];
  const name = tsNames.get(def);
  const doc = docComment({ description: `${(node.description ?? node.title ?? name).trim()}\n\nSchema definition: \`${def}\`.` }, "");
  const relaxed = def.startsWith(EVENTS) ? (RELAXED_REQUIRED[name] ?? []) : [];
  if (def.startsWith(EVENTS) && KINDS.includes(name)) {
    const overrides = { apiVersion: { required: true, type: '"argoproj.io/v1alpha1"' }, kind: { required: true, type: JSON.stringify(name) } };
    out += `${doc}export interface ${name} ${objectBody(node, "", overrides, relaxed)}\n\n`;
  } else if ((node.type === "object" || node.type === undefined) && node.properties && Object.keys(node.properties).length) {
    out += `${doc}export interface ${name} ${objectBody(node, "", {}, relaxed)}\n\n`;
  } else {
    out += `${doc}export type ${name} = ${typeOf(node, "")};\n\n`;
  }
}
out += `/** Any of the three Argo Events manifest kinds. */
export type EventsManifest = ${KINDS.join(" | ")};

/**
 * Fields the schema lists as required that upstream's examples leave out (Go zero value): optional in these
 * types and in \`validateEventsManifest\`. Keyed by schema definition name.
 *
 * @example
 * \`\`\`ts
 * RELAXED_REQUIRED["io.argoproj.events.v1alpha1.WebhookEventSource"] // ["url"]
 * \`\`\`
 */
export const RELAXED_REQUIRED: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(
  Object.fromEntries(Object.entries(RELAXED_REQUIRED).map(([k, v]) => [EVENTS + k, v])),
  null,
  2,
)};

/** Generated TS name of each schema definition (for tools and tests). */
export type EventsDefinitionName =
${[...tsNames.values()].sort().map((n) => `  | ${JSON.stringify(n)}`).join("\n")};
`;
writeFileSync(outFile, out);
console.log(`wrote ${outFile}: ${tsNames.size} definitions`);
