/** Input, output and workflow parameters and artifacts as `z.string()`, `param()` and `artifact()` declarations. */
import { unsupported } from "./errors.js";
import type { Module } from "./module.js";
import { type Code, call, literal, obj, quote, raw, str, stringLiteral } from "./printer.js";
import { isObj, type Obj } from "./values.js";

function zodString(
  m: Module,
  p: Obj,
  role: "input" | "workflow" | "output",
  optional?: Set<string>,
): { code: Code; rest: Obj } {
  const { name: _name, ...rest } = p;
  m.use("z");
  let base = "z.string()";
  const en = rest.enum;
  const defaultKey = role === "workflow" ? "value" : "default";
  const def = rest[defaultKey];
  const enumAsZod =
    role === "workflow" &&
    Array.isArray(en) &&
    en.length > 0 &&
    en.every((x) => typeof x === "string") &&
    (def === undefined || en.includes(def as string));
  if (enumAsZod) {
    base = `z.enum([${(en as string[]).map(quote).join(", ")}])`;
    delete rest.enum;
  }
  if (def !== undefined && (role !== "workflow" || rest.default === undefined)) {
    base += `.default(${stringLiteral(String(def))})`;
    delete rest[defaultKey];
  } else if (
    role === "input" &&
    optional?.has(String(p.name)) &&
    (rest.value !== undefined || rest.valueFrom !== undefined)
  ) {
    // A fixed value or a value from elsewhere: callers need not pass one.
    base += ".optional()";
  }
  if (typeof rest.description === "string") {
    base += `.describe(${stringLiteral(rest.description)})`;
    delete rest.description;
  }
  return { code: raw(base), rest };
}

export function paramDecl(m: Module, p: Obj, role: "input" | "workflow" | "output", optional?: Set<string>): Code {
  const { code, rest } = zodString(m, p, role, optional);
  if (!Object.keys(rest).length) return code;
  if (
    role === "output" &&
    Object.keys(rest).length === 1 &&
    isObj(rest.valueFrom) &&
    Object.keys(rest.valueFrom).length === 1 &&
    typeof rest.valueFrom.path === "string"
  ) {
    return call(m.use("outputFromPath"), [code, str([rest.valueFrom.path])]);
  }
  for (const k of Object.keys(rest)) {
    if (!["value", "valueFrom", "globalName", "enum", "default", "description"].includes(k))
      unsupported(`parameter "${String(p.name)}"`, `field "${k}" is not a parameter option`);
  }
  if (rest.value !== undefined && typeof rest.value !== "string") rest.value = String(rest.value);
  if (rest.default !== undefined)
    unsupported(`parameter "${String(p.name)}"`, "both `value` and `default` on a workflow parameter");
  return call(m.use("param"), [code, literal(rest)]);
}

export function artifactDecl(m: Module, a: Obj, key = String(a.name)): Code {
  const { name, ...rest } = a;
  m.use("artifact");
  const options = key === name ? rest : { name, ...rest };
  return call("artifact", Object.keys(options).length ? [literal(options)] : []);
}

export function ioDecls(
  m: Module,
  io: unknown,
  role: "input" | "output",
  where: string,
  optional?: Set<string>,
  artKeys?: Map<string, string>,
): Code | undefined {
  if (io === undefined || io === null) return undefined;
  if (!isObj(io)) unsupported(where, `${role}s is not an object`);
  for (const k of Object.keys(io))
    if (k !== "parameters" && k !== "artifacts") unsupported(where, `${role}s.${k} cannot be declared`);
  const entries: [string, Code][] = [];
  const seen = new Set<string>();
  for (const p of (io.parameters as Obj[]) ?? []) {
    seen.add(String(p.name));
    entries.push([String(p.name), paramDecl(m, p, role, optional)]);
  }
  for (const a of (io.artifacts as Obj[]) ?? []) {
    const key = artKeys?.get(String(a.name)) ?? String(a.name);
    // Inputs are matched by Argo name (an input's references and a call's arguments), so an input
    // parameter and artifact of the same name cannot both be declared.
    if (seen.has(key)) unsupported(where, `${role} parameter and artifact share the name "${String(a.name)}"`);
    entries.push([key, artifactDecl(m, a, key)]);
  }
  if (/^\d+$/.test(entries.map((e) => e[0]).find((k) => /^\d+$/.test(k)) ?? "x"))
    unsupported(where, `${role} names that are integers change order in a JavaScript object`);
  return entries.length ? obj(entries) : undefined;
}

export function workflowArgs(m: Module, args: unknown, label: string): Code | undefined {
  if (!isObj(args)) unsupported(label, "spec.arguments is not an object");
  for (const k of Object.keys(args))
    if (k !== "parameters" && k !== "artifacts") unsupported(label, `spec.arguments.${k}`);
  const entries: [string, Code][] = [];
  for (const p of (args.parameters as Obj[]) ?? []) entries.push([String(p.name), paramDecl(m, p, "workflow")]);
  for (const a of (args.artifacts as Obj[]) ?? []) entries.push([String(a.name), artifactDecl(m, a)]);
  return entries.length ? obj(entries) : undefined;
}
