#!/usr/bin/env node
// Generates packages/events/src/types.gen.ts from the vendored Argo Events JSON schema
// (packages/events/schema/jsonschema.json).
//
//   node scripts/gen-events-types.mjs [out-file]     (default: packages/events/src/types.gen.ts)
//
// Only the Argo Events definitions reachable from the three kinds (EventBus, EventSource, Sensor) are
// emitted. The Kubernetes ones they use (ObjectMeta, Container, Volume, ...) are imported from
// `@wfc/sdk/argo` under the SDK's names (scripts/lib/argo-schema.mjs), so there is one `ObjectMeta`; the
// generator checks that each SDK type accepts every field the Argo Events schema gives it and requires no
// field the Argo Events schema leaves optional. Names of the Argo Events definitions: the last segment of the
// definition name (`io.argoproj.events.v1alpha1.Trigger` -> `Trigger`), prefixed with `Events` when @wfc/sdk/argo
// has a type of that name (`EventsBackoff`, `EventsContainer`, `EventsTemplate`), so an editor never offers two
// `Container`s; no other clashes (checked below).
// Int-or-string definitions (`type: ["integer", "string"]`) become `number | string`.
//
// Required fields: the schema marks a field required when its Go field lacks `omitempty`, which is not a
// validity rule (the CRDs carry no schema; a missing field decodes as Go's zero value). The generated types and
// `validateEventsManifest` follow the schema's `required`, except for RELAXED_REQUIRED below: fields that
// upstream's own examples leave out and that the controller treats as optional.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { argoDefinitions, refsOf } from "./lib/argo-schema.mjs";
import { createTsPrinter } from "./lib/ts-printer.mjs";

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
const own = [...reachable].filter((d) => d.startsWith(EVENTS));
const kube = [...reachable].filter((d) => !d.startsWith(EVENTS)).sort();
const argo = argoDefinitions();
const tsNames = new Map();
const sdkNames = new Set(argo.tsNames.values());
for (const def of own) {
  const base = def.slice(def.lastIndexOf(".") + 1).replace(/[^A-Za-z0-9_]/g, "_");
  const name = sdkNames.has(base) ? `Events${base}` : base;
  if (sdkNames.has(name)) throw new Error(`name clash: ${name} (${def}) is also in @wfc/sdk/argo`);
  if ([...tsNames.values()].includes(name)) throw new Error(`name clash: ${name} (${def})`);
  tsNames.set(def, name);
}
for (const def of kube) {
  const theirs = argo.defs[def];
  const name = argo.tsNames.get(def);
  if (!theirs || !name) throw new Error(`${def} (used by Argo Events) is not in @wfc/sdk/argo`);
  if ([...tsNames.values()].includes(name)) throw new Error(`name clash: ${name} (${def}) is also an Argo Events type`);
  const ours = defs[def];
  const missing = Object.keys(ours.properties ?? {}).filter((k) => !(k in (theirs.properties ?? {})));
  const stricter = (theirs.required ?? []).filter((k) => !(ours.required ?? []).includes(k));
  if (missing.length || stricter.length) {
    throw new Error(
      `@wfc/sdk/argo's ${name} does not fit ${def} of Argo Events: lacks [${missing}], requires [${stricter}]`,
    );
  }
  tsNames.set(def, name);
}
for (const [name, fields] of Object.entries(RELAXED_REQUIRED)) {
  const node = defs[EVENTS + name];
  for (const f of fields)
    if (!node?.required?.includes(f)) throw new Error(`RELAXED_REQUIRED: ${name}.${f} is not required in the schema`);
}

// the Kubernetes types the emitted definitions name (the others are reached through them)
const imported = kube.filter((d) => own.some((o) => refsOf(defs[o]).has(d)));

// ---- emit ----------------------------------------------------------------------------------------------
const isIntOrString = (node) =>
  Array.isArray(node.type) && node.type.includes("integer") && node.type.includes("string");
const { docComment, typeOf, objectBody } = createTsPrinter({
  tsName: (ref) => tsNames.get(refName(ref)),
  special: (node) => (!node.$ref && isIntOrString(node) ? "number | string" : undefined),
});

let out = `// Generated by scripts/gen-events-types.mjs from packages/events/schema/jsonschema.json
// (Argo Events 6478ece495, Apache-2.0, see packages/events/schema/NOTICE.md).
// DO NOT EDIT: run \`node scripts/gen-events-types.mjs\` instead.
/* eslint-disable */
import type {
${imported
  .map((d) => tsNames.get(d))
  .sort()
  .map((n) => `  ${n},`)
  .join("\n")}
} from "@wfc/sdk/argo";

`;
const sorted = own.sort((a, b) => (tsNames.get(a) < tsNames.get(b) ? -1 : tsNames.get(a) > tsNames.get(b) ? 1 : 0));
for (const def of sorted) {
  const node = defs[def];
  const name = tsNames.get(def);
  const doc = docComment(
    { description: `${(node.description ?? node.title ?? name).trim()}\n\nSchema definition: \`${def}\`.` },
    "",
  );
  const short = def.slice(EVENTS.length);
  const relaxed = RELAXED_REQUIRED[short] ?? [];
  if (KINDS.includes(short)) {
    const overrides = {
      apiVersion: { required: true, type: '"argoproj.io/v1alpha1"' },
      kind: { required: true, type: JSON.stringify(name) },
    };
    out += `${doc}export interface ${name} ${objectBody(node, "", overrides, relaxed)}\n\n`;
  } else if (
    (node.type === "object" || node.type === undefined) &&
    node.properties &&
    Object.keys(node.properties).length
  ) {
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
${own
  .map((d) => tsNames.get(d))
  .sort()
  .map((n) => `  | ${JSON.stringify(n)}`)
  .join("\n")};
`;
writeFileSync(outFile, out);
console.log(
  `wrote ${outFile}: ${own.length} definitions, ${kube.length} Kubernetes types used from @wfc/sdk/argo (${imported.length} imported by name)`,
);
