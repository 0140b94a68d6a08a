// Development tool: writes a first draft of examples/events/<name>.ts from the vendored upstream examples
// (vendor/argo-events/examples/<name>.yaml), in the builder style of @wfc/events. It produced the first draft
// of every example; they were then shaped by hand (the workflows their sensors run are wfc workflow objects,
// the drafts keep them as object literals; doc comments say what each shows). Use it for examples a new
// upstream snapshot adds, and shape the draft the same way. Files that already exist are kept; --force
// overwrites them, and loses the hand-shaping.
//
//   npx tsx packages/events/tools/import-examples.ts [--force] [name...]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import { applyCorrections, CORRECTIONS } from "../../../test/events/corrections.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const SRC = join(ROOT, "vendor/argo-events/examples");
const OUT = join(ROOT, "examples/events");
const args = process.argv.slice(2);
const force = args.includes("--force");
const only = args.filter((a) => !a.startsWith("--"));

type Doc = { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> };
type Obj = Record<string, unknown>;

const files = readdirSync(SRC)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const docsOf = (f: string) => applyFirst(f, parseK8sYaml(readFileSync(join(SRC, f), "utf8"), f) as Doc[]);
function applyFirst(f: string, docs: Doc[]): Doc[] {
  const i = docs.findIndex((d) => d && (d.kind === "EventSource" || d.kind === "Sensor"));
  if (i >= 0) applyCorrections(docs[i], CORRECTIONS[f]);
  return docs;
}

// ---- event sources available to sensors: name -> { file, events, varName } --------------------------------
const RESERVED = new Set([
  "default",
  "delete",
  "new",
  "function",
  "class",
  "switch",
  "case",
  "import",
  "export",
  "package",
  "event",
  "sensor",
  "trigger",
]);
const camel = (s: string) =>
  s.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[^A-Za-z_$]/, "_$&");
function varName(name: string): string {
  const v = camel(name);
  return RESERVED.has(v) || v.endsWith("Source") || v.endsWith("Trigger") ? `${v}Events` : v;
}
const SOURCE_KEYS = new Set(["eventBusName", "replicas", "service", "template"]);
const sources = new Map<string, { file: string; events: string[]; type: string }>();
for (const f of files.filter((f) => f.includes("event-source"))) {
  for (const d of docsOf(f)) {
    if (d?.kind !== "EventSource") continue;
    const type = Object.keys(d.spec).find((k) => !SOURCE_KEYS.has(k))!;
    const name = d.metadata.name as string;
    if (!sources.has(name))
      sources.set(name, { file: f.replace(/\.ya?ml$/, ""), events: Object.keys(d.spec[type] as Obj), type });
  }
}

// ---- literal printer --------------------------------------------------------------------------------------
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));
function str(s: string): string {
  if (s.includes("\n") && s.length > 40)
    return `\`${s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
  return JSON.stringify(s);
}
function lit(v: unknown, indent: string, raw?: Map<unknown, string>): string {
  if (raw?.has(v)) return raw.get(v)!;
  if (typeof v === "string") return str(v);
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    const parts = v.map((x) => lit(x, inner, raw));
    const one = `[${parts.join(", ")}]`;
    return one.length + indent.length < 100 && !one.includes("\n")
      ? one
      : `[\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(v as Obj);
  if (!entries.length) return "{}";
  const parts = entries.map(([k, x]) => `${key(k)}: ${lit(x, inner, raw)}`);
  const one = `{ ${parts.join(", ")} }`;
  return one.length + indent.length < 100 && !one.includes("\n")
    ? one
    : `{\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}}`;
}

function metaFields(m: Obj): string[] {
  const out = [`name: ${str(m.name as string)}`];
  const rest: Obj = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === "name") continue;
    if (k === "namespace" || k === "labels" || k === "annotations") out.push(`${k}: ${lit(v, "  ")}`);
    else rest[k] = v;
  }
  if (Object.keys(rest).length) out.push(`metadata: ${lit(rest, "  ")}`);
  return out;
}

function header(f: string, what: string): string {
  const upstream = f.replace(/__/g, "/");
  const fixes =
    CORRECTIONS[f]
      ?.map(
        (c) =>
          ` * Differs from upstream: ${c.op} \`${c.path.join(".")}\`${c.op === "rename" ? ` to \`${c.to}\`` : c.op === "move" ? ` to \`${c.to.join(".")}\`` : ""} (${c.why}).\n`,
      )
      .join("") ?? "";
  return `/**\n * ${what}: Argo Events' example \`examples/${upstream}\`, in TypeScript.\n${fixes ? ` *\n${fixes}` : ""} *\n *   npx wfc build examples/events/${f.replace(/\.ya?ml$/, "")}.ts\n */\n`;
}

// ---- EventSource ------------------------------------------------------------------------------------------
function eventSourceFile(f: string, d: Doc): string {
  const spec = { ...d.spec };
  const type = Object.keys(spec).find((k) => !SOURCE_KEYS.has(k))!;
  const events = spec[type];
  delete spec[type];
  const fields = metaFields(d.metadata);
  if (spec.eventBusName !== undefined) {
    fields.push(`eventBus: ${str(spec.eventBusName as string)}`);
    delete spec.eventBusName;
  }
  for (const [k, v] of Object.entries(spec)) fields.push(`${key(k)}: ${lit(v, "  ")}`);
  fields.push(`events: ${lit(events, "  ")}`);
  const name = d.metadata.name as string;
  return `${header(f, `An event source of type \`${type}\``)}import { ${type}Source } from "@wfc/events";\n\nexport const ${varName(name)} = ${type}Source({\n${fields.map((x) => `  ${x},`).join("\n")}\n});\n`;
}

// ---- Sensor -----------------------------------------------------------------------------------------------
const TRIGGER_TYPES = [
  "argoWorkflow",
  "awsLambda",
  "azureEventHubs",
  "azureServiceBus",
  "custom",
  "email",
  "http",
  "k8s",
  "kafka",
  "log",
  "nats",
  "openWhisk",
  "pulsar",
  "slack",
];

function depAccess(name: string): string {
  return IDENT.test(name) ? `deps.${name}` : `deps[${JSON.stringify(name)}]`;
}

/** A trigger parameter as `deps.x.data("key").to("dest")`, or undefined when it does not fit that form. */
function paramExpr(p: Obj, depNames: Set<string>): string | undefined {
  const src = p.src as Obj | undefined;
  if (!src || !depNames.has(src.dependencyName as string)) return undefined;
  const keys = Object.keys(src).filter((k) => k !== "dependencyName" && k !== "value" && k !== "useRawData");
  if (keys.length > 1) return undefined;
  const k = keys[0];
  let e = depAccess(src.dependencyName as string);
  if (k === undefined) e += ".data()";
  else if (k === "dataKey") e += `.data(${str(src.dataKey as string)})`;
  else if (k === "contextKey") e += `.context(${str(src.contextKey as string)})`;
  else if (k === "dataTemplate") e += `.dataTemplate(${str(src.dataTemplate as string)})`;
  else if (k === "contextTemplate") e += `.contextTemplate(${str(src.contextTemplate as string)})`;
  else return undefined;
  if (src.value !== undefined) e += `.withDefault(${str(src.value as string)})`;
  if (src.useRawData === true) e += ".raw()";
  else if (src.useRawData !== undefined) return undefined;
  const extra = Object.keys(p).filter((x) => x !== "src" && x !== "dest" && x !== "operation");
  if (extra.length) return undefined;
  return `${e}.to(${str(p.dest as string)}${p.operation !== undefined ? `, ${str(p.operation as string)}` : ""})`;
}

function collectParams(v: unknown, depNames: Set<string>, raw: Map<unknown, string>): void {
  if (!v || typeof v !== "object") return;
  if (Array.isArray(v)) {
    for (const x of v) collectParams(x, depNames, raw);
    return;
  }
  for (const [k, x] of Object.entries(v as Obj)) {
    if ((k === "parameters" || k === "payload") && Array.isArray(x)) {
      for (const p of x) {
        const e = p && typeof p === "object" && "dest" in p ? paramExpr(p as Obj, depNames) : undefined;
        if (e) raw.set(p, e);
      }
    } else if (k !== "source") collectParams(x, depNames, raw);
  }
}

function triggerExpr(t: Obj, indent: string, raw: Map<unknown, string>, conditionsOf: (c: string) => string): string {
  const tpl = { ...(t.template as Obj) };
  const name = tpl.name as string;
  const type = TRIGGER_TYPES.find((k) => k in tpl);
  if (!type) throw new Error(`trigger ${name}: no type`);
  const config = tpl[type];
  const opts: string[] = [];
  if (tpl.conditions !== undefined) opts.push(`conditions: ${conditionsOf(tpl.conditions as string)}`);
  if (tpl.conditionsReset !== undefined) opts.push(`conditionsReset: ${lit(tpl.conditionsReset, `${indent}  `, raw)}`);
  for (const k of Object.keys(tpl))
    if (![type, "name", "conditions", "conditionsReset"].includes(k))
      throw new Error(`trigger ${name}: unexpected template field ${k}`);
  for (const [k, v] of Object.entries(t)) {
    if (k === "template") continue;
    if (k === "dlqTrigger") opts.push(`dlqTrigger: ${triggerExpr(v as Obj, `${indent}  `, raw, conditionsOf)}`);
    else opts.push(`${k}: ${lit(v, `${indent}  `, raw)}`);
  }
  const args = [str(name), lit(config, indent, raw)];
  if (opts.length) {
    const one = `{ ${opts.join(", ")} }`;
    args.push(
      one.length < 80 && !one.includes("\n") ? one : `{\n${opts.map((o) => `${indent}  ${o},`).join("\n")}\n${indent}}`,
    );
  }
  return `${type}Trigger(${args.join(", ")})`;
}

function sensorFile(f: string, d: Doc): string {
  const spec = { ...d.spec };
  const deps = spec.dependencies as Obj[];
  const triggers = spec.triggers as Obj[];
  delete spec.dependencies;
  delete spec.triggers;
  const depNames = new Set(deps.map((x) => x.name as string));
  const imports = new Set<string>(["sensor"]);
  const sourceImports = new Map<string, string>(); // var -> module
  const externals = new Map<string, Set<string>>(); // source name -> events
  const depLines: string[] = [];
  const allKnown = (src: string) =>
    deps
      .filter((x) => x.eventSourceName === src)
      .every((x) => sources.get(src)?.events.includes(x.eventName as string));
  for (const dep of deps) {
    const { name, eventSourceName, eventName, filters, filtersLogicalOperator, transform, ...rest } = dep as Obj & {
      name: string;
      eventSourceName: string;
      eventName: string;
    };
    if (Object.keys(rest).length) throw new Error(`dependency ${name}: unexpected fields ${Object.keys(rest)}`);
    const known = sources.get(eventSourceName);
    const v = varName(eventSourceName);
    if (known && allKnown(eventSourceName)) sourceImports.set(v, `./${known.file}.js`);
    else {
      if (!externals.has(eventSourceName)) externals.set(eventSourceName, new Set());
      externals.get(eventSourceName)!.add(eventName);
    }
    let e = `${v}.events${IDENT.test(eventName) ? `.${eventName}` : `[${JSON.stringify(eventName)}]`}`;
    if (filters !== undefined)
      e += `.filter(${lit(filters, "    ")}${filtersLogicalOperator !== undefined ? `, ${str(filtersLogicalOperator as string)}` : ""})`;
    else if (filtersLogicalOperator !== undefined) throw new Error("filtersLogicalOperator without filters");
    if (transform !== undefined) e += `.transform(${lit(transform, "    ")})`;
    depLines.push(`    ${key(name)}: ${e},`);
  }
  if (externals.size) imports.add("externalEventSource");
  const raw = new Map<unknown, string>();
  collectParams(triggers, depNames, raw);
  const usesDeps = raw.size > 0 || triggers.some((t) => (t.template as Obj).conditions !== undefined);
  const conditionsOf = (c: string) => {
    const names = [...depNames].sort((a, b) => b.length - a.length);
    const re = new RegExp(names.map((n) => n.replace(/[-.]/g, "\\$&")).join("|"), "g");
    if (!names.length) return str(c);
    return `\`${c.replace(re, (n) => `\${${depAccess(n)}}`)}\``;
  };
  const trigLines = triggers.map((t) => {
    const type = TRIGGER_TYPES.find((k) => k in (t.template as Obj))!;
    imports.add(`${type}Trigger`);
    if (t.dlqTrigger) imports.add(`${TRIGGER_TYPES.find((k) => k in ((t.dlqTrigger as Obj).template as Obj))}Trigger`);
    return `    ${triggerExpr(t, "    ", raw, conditionsOf)},`;
  });
  const fields = metaFields(d.metadata);
  if (spec.eventBusName !== undefined) {
    fields.push(`eventBus: ${str(spec.eventBusName as string)}`);
    delete spec.eventBusName;
  }
  for (const [k, v] of Object.entries(spec)) fields.push(`${key(k)}: ${lit(v, "  ")}`);
  let out = header(f, "A sensor");
  out += `import { ${[...imports].sort().join(", ")} } from "@wfc/events";\n`;
  for (const [v, mod] of [...sourceImports].sort()) out += `import { ${v} } from "${mod}";\n`;
  out += "\n";
  for (const [name, evs] of externals)
    out += `const ${varName(name)} = externalEventSource(${str(name)}, [${[...evs].map(str).join(", ")}]);\n`;
  if (externals.size) out += "\n";
  out += `export const ${varName(d.metadata.name as string)}Sensor = sensor({\n${fields.map((x) => `  ${x},`).join("\n")}\n`;
  out += `  dependencies: {\n${depLines.join("\n")}\n  },\n`;
  out += `  triggers: ${usesDeps ? "(deps) => " : ""}[\n${trigLines.join("\n")}\n  ],\n});\n`;
  return out;
}

mkdirSync(OUT, { recursive: true });
let written = 0;
for (const f of files) {
  const name = f.replace(/\.ya?ml$/, "");
  if (only.length && !only.includes(name)) continue;
  const target = join(OUT, `${name}.ts`);
  if (existsSync(target) && !force) continue;
  const docs = docsOf(f).filter((d) => d && (d.kind === "EventSource" || d.kind === "Sensor"));
  if (!docs.length) continue;
  if (docs.length > 1) throw new Error(`${f}: several Argo Events documents`);
  const d = docs[0]!;
  writeFileSync(target, d.kind === "EventSource" ? eventSourceFile(f, d) : sensorFile(f, d));
  written++;
}
console.log(`wrote ${written} files to ${OUT}`);
