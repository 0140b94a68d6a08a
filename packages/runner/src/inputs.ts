import type { Arguments, Parameter, Template } from "@wfc/sdk/argo";
import type { Scope } from "./subst.js";
import { substituteDeep, substituteText } from "./subst.js";

/** The value of an argument that only referenced an absent optional (`AbsentOptionalArgumentValue`). */
export const absentOptional = "\u0000wfc:absent-optional";

/** `markAbsentOptionalArgs`: an argument that is exactly `{{ref}}` to an absent optional (null in scope) is marked unsupplied. */
export function markAbsentOptionalArgs(args: Arguments | undefined, scope: Scope): Arguments | undefined {
  if (!args?.parameters?.length) return args;
  let changed = false;
  const parameters = args.parameters.map((p) => {
    const m = p.value === undefined ? null : /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(p.value);
    if (m && scope[m[1]!] === null) {
      changed = true;
      return { ...p, value: absentOptional };
    }
    return p;
  });
  return changed ? { ...args, parameters } : args;
}

/** ConfigMaps by name (key -> value), for `valueFrom.configMapKeyRef`. */
export type ConfigMaps = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** An input that could not be given a value (`inputs.parameters.x was not supplied`). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * `common.ProcessArgs`: input parameters from arguments (else their default, else configMapKeyRef),
 * input artifacts from arguments, then `SubstituteParams`.
 */
export function processArgs(
  tmpl: Template,
  args: Arguments | undefined,
  global: Scope,
  local: Scope,
  configMaps: ConfigMaps | undefined,
): Template {
  const t: Template = structuredClone(tmpl);
  if (t.inputs?.parameters) {
    t.inputs.parameters = t.inputs.parameters.map((inParam) => {
      const p: Parameter = { ...inParam };
      if (p.default !== undefined) p.value = p.default;
      const arg = args?.parameters?.find((a) => a.name === p.name);
      if (arg?.value === absentOptional) {
        if (p.value === undefined && p.valueFrom === undefined) {
          throw new InputError(
            `inputs.parameters.${p.name}: argument references an absent optional (skipped/omitted node output with no default)`,
          );
        }
      } else if (arg) {
        if (arg.value !== undefined) p.value = arg.value;
        if (arg.valueFrom !== undefined) p.valueFrom = arg.valueFrom;
      }
      const ref = p.valueFrom?.configMapKeyRef;
      if (ref && p.value === undefined) {
        const name = substituteText(ref.name ?? "", { ...global, ...local });
        const v = configMaps?.[name]?.[ref.key];
        if (v !== undefined) p.value = v;
        else if (p.valueFrom?.default !== undefined) p.value = p.valueFrom.default;
        else if (!ref.optional)
          throw new InputError(
            `inputs.parameters.${p.name}: configmap ${name} key ${ref.key} not found (give it with --configmap)`,
          );
        delete p.valueFrom;
      }
      return p;
    });
  }
  if (t.inputs?.artifacts) {
    t.inputs.artifacts = t.inputs.artifacts.map((inArt) => {
      const arg = args?.artifacts?.find((a) => a.name === inArt.name);
      if (!arg) return inArt;
      const a = { ...arg, ...(inArt.path !== undefined ? { path: inArt.path } : {}) };
      if (inArt.mode !== undefined) a.mode = inArt.mode;
      if (inArt.recurseMode !== undefined) a.recurseMode = inArt.recurseMode;
      return a;
    });
  }
  return substituteParams(t, global, local);
}

/** `common.SubstituteParams`: globals and locals first, then `inputs.*` and `outputs.*.path`. */
export function substituteParams(tmpl: Template, global: Scope, local: Scope): Template {
  const replace: Scope = { ...global, ...local };
  const first = substituteDeep(tmpl, replace, { allowUnresolved: true, what: `template ${tmpl.name ?? ""}` });
  for (const p of first.inputs?.parameters ?? []) {
    if (p.value === undefined && p.valueFrom === undefined)
      throw new InputError(`inputs.parameters.${p.name} was not supplied`);
    if (p.value !== undefined) replace[`inputs.parameters.${p.name}`] = p.value;
  }
  replace["inputs.parameters"] = JSON.stringify(first.inputs?.parameters ?? []);
  for (const a of first.inputs?.artifacts ?? []) if (a.path) replace[`inputs.artifacts.${a.name}.path`] = a.path;
  for (const a of first.outputs?.artifacts ?? []) if (a.path) replace[`outputs.artifacts.${a.name}.path`] = a.path;
  for (const p of first.outputs?.parameters ?? [])
    if (p.valueFrom?.path) replace[`outputs.parameters.${p.name}.path`] = p.valueFrom.path;
  return substituteDeep(first, replace, { allowUnresolved: true, what: `template ${tmpl.name ?? ""}` });
}
