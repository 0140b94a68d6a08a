/** The state of generating one document's templates, and of one DAG or steps body. */
import type { DependencyGraph } from "@wfc/sdk/internal";
import type { Module } from "./module.js";
import type { Namer } from "./names.js";
import type { Scope, TaskVar } from "./placeholders.js";
import type { TemplateInfo } from "./plan.js";
import { type Code, isIdentifier } from "./printer.js";
import type { Obj } from "./values.js";

export interface Gen {
  readonly m: Module;
  readonly byName: Map<string, TemplateInfo>;
  /** Templates of other WorkflowTemplates, by `name/template[/cluster]`. */
  readonly refs: Map<string, TemplateInfo>;
  /** Templates written inline in a task, by the task. */
  readonly inlines: Map<Obj, TemplateInfo>;
  /** Templates defined inside the body of another (recursive cycles), by that other template. */
  readonly nested: Map<TemplateInfo, TemplateInfo[]>;
  /** The `self` of the bodies being generated: a nested template calls its enclosing one through it. */
  readonly selfs: Map<TemplateInfo, string>;
  readonly where: string;
}

export interface BodyCtx {
  readonly g: Gen;
  readonly t: TemplateInfo;
  readonly scope: Scope;
  readonly names: Namer;
  readonly style: "depends" | "dependencies";
  readonly graph: DependencyGraph<string>;
  readonly stmts: { code: () => Code; task?: TaskVar }[];
  /** The identifier of the template itself, for recursive calls. */
  readonly self: string | undefined;
}

export function inputScope(g: Gen, t: TemplateInfo, names: Namer, prefix: Scope["prefix"]): Scope {
  const inputs = new Map<string, string>();
  const artifactInputs = new Map<string, string>();
  for (const p of t.inParams.keys()) inputs.set(p, names.take(p, "Input"));
  for (const a of t.inArtifacts.keys()) artifactInputs.set(a, names.take(a, "Input"));
  return {
    inputs,
    artifactInputs,
    optional: t.omitted,
    vars: g.m.varsUsed,
    usedInputs: new Set(),
    tasks: new Map(),
    prefix,
    group: 0,
    item: undefined,
    selfTask: undefined,
    where: `${g.where}: template "${t.name}"`,
  };
}

export function paramsPattern(scope: Scope, self?: string): string {
  const items: string[] = [];
  for (const [name, id] of [...scope.inputs, ...scope.artifactInputs]) {
    if (!scope.usedInputs.has(name)) continue;
    items.push(
      name === id
        ? id
        : `${isIdentifier(name) || /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)}: ${id}`,
    );
  }
  const first = items.length ? `{ ${items.join(", ")} }` : "";
  if (self) return `(${first || "_"}, ${self})`;
  return `(${first})`;
}

/** How a body refers to a template: its const, or the `self` of the body (or an enclosing body) that defines it. */
export function templateIdent(ctx: BodyCtx, t: TemplateInfo): string {
  if (t === ctx.t && ctx.self) return ctx.self;
  return ctx.g.selfs.get(t) ?? t.ident;
}
