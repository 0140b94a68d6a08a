/** Finds the values of user code no manifest can hold (NaN, a Map, a cycle...) and reports each with its field path. */
import type { SourceLocation } from "../core/errors.js";
import type { TemplateModel } from "../core/model.js";
import { Unrepresentable } from "../core/unrepresentable.js";
import type { Compilation } from "./compilation.js";

interface At {
  readonly template?: string;
  readonly task?: string;
  readonly location?: SourceLocation | undefined;
}

/**
 * Reports, as `E_SPEC_VALUE`, every {@link Unrepresentable} marker in the lowered spec (the
 * authoring layer put one where user code gave such a value), naming the field path, the template
 * and task, and the user's file:line where the SDK knows it. Costs nothing when no marker was ever made.
 */
export function checkSpecValues(c: Compilation, spec: Record<string, unknown>, prefix: string): void {
  if (Unrepresentable.count === 0) return;
  walk(c, spec, prefix, {});
}

function templateAt(c: Compilation, t: unknown): At {
  const name = (t as { name?: unknown } | null)?.name;
  if (typeof name !== "string") return {};
  return { template: name, location: c.byName.get(name)?.model.location };
}

function taskAt(at: At, model: TemplateModel | undefined, t: unknown): At {
  const name = (t as { name?: unknown } | null)?.name;
  if (typeof name !== "string") return at;
  const tasks = model?.tasks ?? model?.steps?.flat() ?? [];
  const task = tasks.find((x) => x.name === name);
  return { ...at, task: name, location: task?.location ?? at.location };
}

function walk(c: Compilation, v: unknown, path: string, at: At): void {
  if (v instanceof Unrepresentable) {
    c.report("E_SPEC_VALUE", `${path} is ${v.what}, which a manifest cannot hold: ${v.hint}`, at);
    return;
  }
  if (v === null || typeof v !== "object") return;
  if (Array.isArray(v)) {
    const inTemplates = path.endsWith(".templates") && at.template === undefined;
    const model = at.template === undefined ? undefined : c.byName.get(at.template)?.model;
    const inTasks = path.endsWith(".dag.tasks") || /\.steps(\[\d+\])?$/.test(path);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const here = inTemplates ? templateAt(c, x) : inTasks && !Array.isArray(x) ? taskAt(at, model, x) : at;
      walk(c, x, `${path}[${i}]`, here);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) walk(c, o[k], path ? `${path}.${k}` : k, at);
}
