/**
 * What the importer knows about each template before generating code (its kind, inputs, outputs,
 * the templates it calls), and the order in which the templates are written.
 */
import type { TemplateKind } from "@wfc/sdk/internal";
import { unsupported } from "./errors.js";
import { camelCase } from "./names.js";
import { isObj, type Obj } from "./values.js";

/** Template kinds written as a spec (no body of tasks): the factory of the same name makes them. */
export const LEAF_KINDS = [
  "container",
  "script",
  "resource",
  "suspend",
  "http",
  "data",
  "containerSet",
  "plugin",
] as const satisfies readonly TemplateKind[];
/** Template kinds with a body of tasks. */
const BODY_KINDS = ["dag", "steps"] as const satisfies readonly TemplateKind[];

export interface TemplateInfo {
  readonly name: string;
  readonly yaml: Obj;
  readonly kind: TemplateKind;
  ident: string;
  readonly outParams: Set<string>;
  readonly outArtifacts: Set<string>;
  /** The key of each output artifact in the `outputs` object: its name, unless a parameter has that name. */
  readonly outArtKeys: Map<string, string>;
  readonly inParams: Map<string, Obj>;
  readonly inArtifacts: Map<string, Obj>;
  /** Templates this one calls from its body. */
  readonly calls: string[];
  /** Input parameters with a fixed value that some caller does not pass (declared optional). */
  readonly omitted: Set<string>;
}

export function templateInfo(t: Obj, where: string): TemplateInfo {
  const kinds = [...LEAF_KINDS, ...BODY_KINDS].filter((k) => t[k] !== undefined);
  if (kinds.length !== 1)
    unsupported(
      where,
      kinds.length
        ? `template has several bodies (${kinds.join(", ")})`
        : "template has no body (container, script, dag, steps, ...)",
    );
  const kind = kinds[0]!;
  const inputs = isObj(t.inputs) ? t.inputs : {};
  const outputs = isObj(t.outputs) ? t.outputs : {};
  const calls: string[] = [];
  for (const task of bodyTasks({ kind, yaml: t })) {
    if (typeof task.template === "string") calls.push(task.template);
    calls.push(...hookTemplates(task));
  }
  const outParams = new Set(((outputs.parameters as Obj[]) ?? []).map((p) => String(p.name)));
  const outArtifacts = new Set(((outputs.artifacts as Obj[]) ?? []).map((p) => String(p.name)));
  return {
    name: String(t.name),
    yaml: t,
    kind,
    ident: "",
    outParams,
    outArtifacts,
    outArtKeys: artifactKeys(outParams, outArtifacts),
    inParams: new Map(((inputs.parameters as Obj[]) ?? []).map((p) => [String(p.name), p])),
    inArtifacts: new Map(((inputs.artifacts as Obj[]) ?? []).map((p) => [String(p.name), p])),
    calls,
    omitted: new Set(),
  };
}

/** The tasks of a DAG or steps template (all step groups), else none. */
export function bodyTasks(t: Pick<TemplateInfo, "kind" | "yaml">): Obj[] {
  if (t.kind === "dag") return ((t.yaml.dag as Obj).tasks as Obj[] | null) ?? [];
  if (t.kind === "steps") return ((t.yaml.steps as Obj[][] | null) ?? []).flat();
  return [];
}

/**
 * The `outputs` key of each output artifact: its name, or `<name>Artifact` when an output parameter
 * has the same name (one object cannot hold both; `artifact({ name })` keeps the Argo name).
 */
function artifactKeys(params: Set<string>, artifacts: Set<string>): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set([...params, ...artifacts]);
  for (const a of artifacts) {
    if (!params.has(a)) {
      keys.set(a, a);
      continue;
    }
    let k = `${camelCase(a)}Artifact`;
    for (let i = 2; taken.has(k); i++) k = `${camelCase(a)}Artifact${i}`;
    taken.add(k);
    keys.set(a, k);
  }
  return keys;
}

/** Templates a task or workflow names in `onExit` and `hooks` (given as values in the generated code). */
export function hookTemplates(o: Obj): string[] {
  const out: string[] = [];
  if (typeof o.onExit === "string") out.push(o.onExit);
  if (isObj(o.hooks))
    for (const h of Object.values(o.hooks)) if (isObj(h) && typeof h.template === "string") out.push(h.template);
  return out;
}

/**
 * Orders templates so that every template comes after those its body calls (stable otherwise).
 * Templates that call each other (a cycle other than a template calling itself) cannot all be
 * module-level consts: the cycle's root (the one used from outside it) is, and the others are
 * defined inside the root's body, where they call the root through its `self`.
 */
export function planTemplates(
  infos: TemplateInfo[],
  outsideRefs: string[],
  where: string,
): { order: TemplateInfo[]; nested: Map<TemplateInfo, TemplateInfo[]> } {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const callees = (t: TemplateInfo): TemplateInfo[] =>
    [...new Set(t.calls)].filter((c) => c !== t.name && byName.has(c)).map((c) => byName.get(c)!);
  const reach = new Map<TemplateInfo, Set<TemplateInfo>>();
  for (const t of infos) {
    const seen = new Set<TemplateInfo>();
    const stack = callees(t);
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...callees(x));
    }
    reach.set(t, seen);
  }
  const owner = new Map<TemplateInfo, TemplateInfo>();
  const nested = new Map<TemplateInfo, TemplateInfo[]>();
  for (const t of infos) {
    if (owner.has(t)) continue;
    const cycle = infos.filter((x) => x === t || (reach.get(t)!.has(x) && reach.get(x)!.has(t)));
    if (cycle.length === 1) {
      owner.set(t, t);
      continue;
    }
    const members = new Set(cycle);
    const names = cycle.map((x) => `"${x.name}"`).join(", ");
    const entries = cycle.filter(
      (x) => outsideRefs.includes(x.name) || infos.some((y) => !members.has(y) && y.calls.includes(x.name)),
    );
    if (entries.length > 1) {
      unsupported(
        `${where}: templates ${names}`,
        `templates that call each other are used from outside their cycle through more than one of them (${entries.map((x) => `"${x.name}"`).join(", ")}); only one can be a module-level const`,
      );
    }
    const root = entries[0] ?? cycle[0]!;
    // The others, callees first; a cycle among them (not through the root) has no way to be written.
    const inner: TemplateInfo[] = [];
    const state = new Map<TemplateInfo, 1 | 2>();
    const visit = (x: TemplateInfo, path: string[]): void => {
      if (state.get(x) === 2) return;
      if (state.get(x) === 1)
        unsupported(
          `${where}: template "${x.name}"`,
          `recursive templates (${[...path, x.name].join(" -> ")}) that do not all go through one template`,
        );
      state.set(x, 1);
      for (const c of callees(x)) if (members.has(c) && c !== root) visit(c, [...path, x.name]);
      state.set(x, 2);
      inner.push(x);
    };
    for (const x of cycle) if (x !== root) visit(x, []);
    for (const x of cycle) owner.set(x, root);
    nested.set(root, inner);
  }
  const out: TemplateInfo[] = [];
  const done = new Set<TemplateInfo>();
  const visit = (t: TemplateInfo): void => {
    if (done.has(t)) return;
    done.add(t);
    for (const x of [t, ...(nested.get(t) ?? [])])
      for (const c of callees(x)) if (owner.get(c) !== t) visit(owner.get(c)!);
    out.push(t);
  };
  for (const t of infos) visit(owner.get(t)!);
  return { order: out, nested };
}
