/**
 * Argo Events documents (EventSource, Sensor, EventBus) as `@wfc/events` builder calls: an event
 * source as `<type>Source({ ..., events })`, a sensor's dependencies as `source.events.x` of the
 * event source (from the same module, another module, or `externalEventSource`), its triggers as
 * `<type>Trigger(name, config, options)` with trigger parameters as `deps.x.data("key").to(...)`.
 * `packages/events/tools/import-examples.ts` writes examples/events/ with this.
 */
import { unsupported } from "../errors.js";
import { isObj, type Obj } from "../values.js";
import { IDENT, key, lit, metaFields, str, varName } from "./literal.js";

/**
 * An event source known to the import: its events, and the module that exports it (none: this one).
 *
 * @example
 * ```ts
 * const amqp: KnownSource = { events: ["example"], type: "amqp", module: "./event-sources__amqp.js" };
 * ```
 */
export interface KnownSource {
  readonly events: readonly string[];
  readonly type: string;
  /** The module (`./event-sources__amqp.js`) exporting it, or undefined for the module being generated. */
  readonly module?: string;
  /** Its variable (default: named after it). */
  readonly ident?: string;
}

/** What generating a module of Argo Events documents needs and collects. */
export interface EventsGen {
  /** Event sources by name (those of this module are added as they are generated). */
  readonly sources: Map<string, KnownSource>;
  /** Names imported from `@wfc/events`. */
  readonly imports: Set<string>;
  /** Variables imported from other modules: variable -> module. */
  readonly moduleImports: Map<string, string>;
  /** Variables of the module, to keep generated names apart. */
  readonly taken: Set<string>;
}

const SOURCE_KEYS = new Set(["eventBusName", "replicas", "service", "template"]);
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

/** The type key of an EventSource spec (`webhook`, `amqp`, ...). */
export function sourceType(spec: Obj): string | undefined {
  return Object.keys(spec).find((k) => !SOURCE_KEYS.has(k));
}

function take(g: EventsGen, v: string): string {
  let n = v;
  for (let i = 2; g.taken.has(n); i++) n = `${v}${i}`;
  g.taken.add(n);
  return n;
}

/** Code of one EventSource: `export const <name> = <type>Source({ ... })`. */
export function eventSourceCode(g: EventsGen, d: Obj, where: string, exported = true): string {
  const spec = { ...(isObj(d.spec) ? d.spec : {}) };
  const meta = isObj(d.metadata) ? d.metadata : {};
  const types = Object.keys(spec).filter((k) => !SOURCE_KEYS.has(k));
  if (types.length !== 1)
    unsupported(where, types.length ? `several event types (${types.join(", ")})` : "an EventSource without events");
  const type = types[0]!;
  const events = spec[type];
  if (!isObj(events)) unsupported(where, `spec.${type} is not an object of events`);
  delete spec[type];
  const fields = metaFields(meta);
  if (spec.eventBusName !== undefined) {
    fields.push(`eventBus: ${str(String(spec.eventBusName))}`);
    delete spec.eventBusName;
  }
  for (const [k, v] of Object.entries(spec)) fields.push(`${key(k)}: ${lit(v, "  ")}`);
  fields.push(`events: ${lit(events, "  ")}`);
  const name = String(meta.name);
  const v = take(g, varName(name));
  g.sources.set(name, { events: Object.keys(events), type, ident: v });
  g.imports.add(`${type}Source`);
  return `${exported ? "export " : ""}const ${v} = ${type}Source({\n${fields.map((x) => `  ${x},`).join("\n")}\n});`;
}

/** Code of one EventBus: `export const <name> = eventBus({ ... })`. */
export function eventBusCode(g: EventsGen, d: Obj): string {
  const meta = isObj(d.metadata) ? d.metadata : {};
  const spec = isObj(d.spec) ? d.spec : {};
  const fields = metaFields(meta);
  for (const [k, v] of Object.entries(spec)) fields.push(`${key(k)}: ${lit(v, "  ")}`);
  g.imports.add("eventBus");
  const v = take(g, `${varName(String(meta.name))}Bus`);
  return `export const ${v} = eventBus({\n${fields.map((x) => `  ${x},`).join("\n")}\n});`;
}

const depAccess = (name: string): string => (IDENT.test(name) ? `deps.${name}` : `deps[${JSON.stringify(name)}]`);

/** A trigger parameter as `deps.x.data("key").to("dest")`, or undefined when it does not fit that form. */
function paramExpr(p: Obj, depNames: Set<string>): string | undefined {
  const src = p.src as Obj | undefined;
  if (!isObj(src) || !depNames.has(src.dependencyName as string)) return undefined;
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
  if (typeof src[k ?? ""] !== "string" && k !== undefined) return undefined;
  if (src.value !== undefined) {
    if (typeof src.value !== "string") return undefined;
    e += `.withDefault(${str(src.value)})`;
  }
  if (src.useRawData === true) e += ".raw()";
  else if (src.useRawData !== undefined) return undefined;
  const extra = Object.keys(p).filter((x) => x !== "src" && x !== "dest" && x !== "operation");
  if (extra.length || typeof p.dest !== "string") return undefined;
  return `${e}.to(${str(p.dest)}${p.operation !== undefined ? `, ${str(p.operation as string)}` : ""})`;
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
        const e = isObj(p) && "dest" in p ? paramExpr(p, depNames) : undefined;
        if (e) raw.set(p, e);
      }
    } else if (k !== "source") collectParams(x, depNames, raw);
  }
}

function triggerExpr(
  g: EventsGen,
  t: Obj,
  indent: string,
  raw: Map<unknown, string>,
  conditionsOf: (c: string) => string,
  where: string,
): string {
  if (!isObj(t.template)) unsupported(where, "a trigger without a template");
  const tpl = { ...t.template };
  const name = String(tpl.name);
  const type = TRIGGER_TYPES.find((k) => k in tpl);
  if (!type) unsupported(`${where}, trigger "${name}"`, "no trigger type");
  g.imports.add(`${type}Trigger`);
  const config = tpl[type];
  const opts: string[] = [];
  if (tpl.conditions !== undefined) opts.push(`conditions: ${conditionsOf(String(tpl.conditions))}`);
  if (tpl.conditionsReset !== undefined) opts.push(`conditionsReset: ${lit(tpl.conditionsReset, `${indent}  `, raw)}`);
  for (const k of Object.keys(tpl))
    if (![type, "name", "conditions", "conditionsReset"].includes(k))
      unsupported(`${where}, trigger "${name}"`, `template field "${k}" (not one of TriggerTemplate's)`);
  for (const [k, v] of Object.entries(t)) {
    if (k === "template") continue;
    if (k === "dlqTrigger" && isObj(v))
      opts.push(`dlqTrigger: ${triggerExpr(g, v, `${indent}  `, raw, conditionsOf, where)}`);
    else opts.push(`${key(k)}: ${lit(v, `${indent}  `, raw)}`);
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

/** Code of one Sensor: external event sources it needs, then `export const <name>Sensor = sensor({ ... })`. */
export function sensorCode(g: EventsGen, d: Obj, where: string): string {
  const spec = { ...(isObj(d.spec) ? d.spec : {}) };
  const meta = isObj(d.metadata) ? d.metadata : {};
  if (!Array.isArray(spec.dependencies)) unsupported(where, "a Sensor without dependencies");
  if (!Array.isArray(spec.triggers)) unsupported(where, "a Sensor without triggers");
  const deps = spec.dependencies.filter(isObj);
  const triggers = spec.triggers.filter(isObj);
  delete spec.dependencies;
  delete spec.triggers;
  const depNames = new Set(deps.map((x) => String(x.name)));
  g.imports.add("sensor");
  const externals = new Map<string, Set<string>>(); // source name -> events
  const sourceVars = new Map<string, string>(); // source name -> variable
  const depLines: string[] = [];
  const allKnown = (src: string) =>
    deps
      .filter((x) => x.eventSourceName === src)
      .every((x) => g.sources.get(src)?.events.includes(String(x.eventName)));
  const local: string[] = [];
  for (const dep of deps) {
    const { name, eventSourceName, eventName, filters, filtersLogicalOperator, transform, ...rest } = dep;
    const w = `${where}, dependency "${String(name)}"`;
    if (Object.keys(rest).length) unsupported(w, `fields ${Object.keys(rest).join(", ")}`);
    if (typeof eventSourceName !== "string" || typeof eventName !== "string")
      unsupported(w, "eventSourceName and eventName must be strings");
    const known = g.sources.get(eventSourceName);
    let v = sourceVars.get(eventSourceName);
    if (!v) {
      v = known?.ident ?? varName(eventSourceName);
      if (known && allKnown(eventSourceName)) {
        if (known.module) g.moduleImports.set(v, known.module);
      } else {
        v = take(g, varName(eventSourceName));
        externals.set(eventSourceName, new Set());
      }
      sourceVars.set(eventSourceName, v);
    }
    externals.get(eventSourceName)?.add(eventName);
    let e = `${v}.events${IDENT.test(eventName) ? `.${eventName}` : `[${JSON.stringify(eventName)}]`}`;
    if (filters !== undefined)
      e += `.filter(${lit(filters, "    ")}${filtersLogicalOperator !== undefined ? `, ${str(String(filtersLogicalOperator))}` : ""})`;
    else if (filtersLogicalOperator !== undefined) unsupported(w, "filtersLogicalOperator without filters");
    if (transform !== undefined) e += `.transform(${lit(transform, "    ")})`;
    depLines.push(`    ${key(String(name))}: ${e},`);
  }
  if (externals.size) g.imports.add("externalEventSource");
  for (const [name, evs] of externals)
    local.push(`const ${sourceVars.get(name)} = externalEventSource(${str(name)}, [${[...evs].map(str).join(", ")}]);`);
  const raw = new Map<unknown, string>();
  collectParams(triggers, depNames, raw);
  const usesDeps = raw.size > 0 || triggers.some((t) => isObj(t.template) && t.template.conditions !== undefined);
  const conditionsOf = (c: string) => {
    const names = [...depNames].sort((a, b) => b.length - a.length);
    if (!names.length) return str(c);
    const re = new RegExp(names.map((n) => n.replace(/[-.]/g, "\\$&")).join("|"), "g");
    return `\`${c
      .replace(/[`\\]/g, "\\$&")
      .replace(/\$\{/g, "\\${")
      .replace(re, (n) => `\${${depAccess(n)}}`)}\``;
  };
  const trigLines = triggers.map((t) => `    ${triggerExpr(g, t, "    ", raw, conditionsOf, where)},`);
  const fields = metaFields(meta);
  if (spec.eventBusName !== undefined) {
    fields.push(`eventBus: ${str(String(spec.eventBusName))}`);
    delete spec.eventBusName;
  }
  for (const [k, v] of Object.entries(spec)) fields.push(`${key(k)}: ${lit(v, "  ")}`);
  const v = take(g, `${varName(String(meta.name))}Sensor`);
  let out = local.length ? `${local.join("\n")}\n\n` : "";
  out += `export const ${v} = sensor({\n${fields.map((x) => `  ${x},`).join("\n")}\n`;
  out += `  dependencies: {\n${depLines.join("\n")}\n  },\n`;
  out += `  triggers: ${usesDeps ? "(deps) => " : ""}[\n${trigLines.join("\n")}\n  ],\n});`;
  return out;
}
