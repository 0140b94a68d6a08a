/**
 * The picture of a workflow's spec, before layout: one section per DAG or steps template, its
 * tasks and steps as nodes, dependencies as edges labelled with their `depends` condition and
 * `when`, loops as fan-out nodes, exit handlers and hooks as dashed edges to their own nodes.
 */
import { type DependsNode, parseDepends } from "@wfc/sdk/internal";

type Obj = Record<string, unknown>;

/** What a box stands for; it picks the box's shape and colour. */
export type NodeKind = "task" | "call" | "junction" | "exit" | "hook";

/** One box of a section. */
export interface GraphNode {
  readonly id: string;
  /** Lines of the label, first line bold. */
  readonly lines: readonly string[];
  readonly kind: NodeKind;
  /** The task fans out over a loop (`withItems`, `withParam`, `withSequence`). */
  readonly loop?: string;
  /** The DAG or steps template this node calls (expandable in HTML). */
  readonly calls?: string;
  /** Full text for a tooltip. */
  readonly title: string;
}

/** One arrow of a section. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly dashed?: boolean;
}

/** The graph of one DAG or steps template. */
export interface GraphSection {
  readonly id: string;
  readonly title: string;
  readonly template: string;
  readonly entry: boolean;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Longest label line, in characters; longer text is cut with an ellipsis (full text in the tooltip). */
export const MAX_LINE = 36;

/** Cuts `s` to `max` characters with an ellipsis. */
export function clip(s: string, max = MAX_LINE): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** `{{tasks.a.outputs.parameters.x}}` as `a.x`, `{{inputs.parameters.n}}` as `n`: short enough for a label. */
export function shorten(s: string): string {
  return s
    .replace(/\{\{\s*(?:tasks|steps)\.([\w-]+)\.outputs\.(?:parameters\.)?([\w-]+)\s*\}\}/g, "$1.$2")
    .replace(/\{\{\s*(?:inputs|workflow)\.parameters\.([\w-]+)\s*\}\}/g, "$1")
    .replace(/\{\{\s*item(?:\.([\w-]+))?\s*\}\}/g, (_m, k: string | undefined) => (k ? `item.${k}` : "item"));
}

function sid(...parts: string[]): string {
  return parts.join("/").replace(/[^A-Za-z0-9_/.-]/g, "_");
}

function loopOf(t: Obj): string | undefined {
  if (Array.isArray(t.withItems)) return `× ${t.withItems.length} items`;
  if (typeof t.withParam === "string") return `for each ${shorten(t.withParam)}`;
  if (t.withSequence) {
    const s = t.withSequence as Obj;
    return s.count !== undefined ? `× ${String(s.count)}` : `${String(s.start ?? 0)}..${String(s.end ?? "")}`;
  }
  return undefined;
}

function templateName(t: Obj): string {
  if (typeof t.template === "string") return t.template;
  const ref = t.templateRef as Obj | undefined;
  if (ref) return `${String(ref.name)}/${String(ref.template)}`;
  if (t.inline) return "(inline)";
  return "";
}

function templateKind(tmpl: Obj | undefined): string {
  if (!tmpl) return "";
  for (const k of [
    "container",
    "script",
    "resource",
    "suspend",
    "http",
    "plugin",
    "containerSet",
    "data",
    "dag",
    "steps",
  ])
    if (tmpl[k] !== undefined) return k;
  return "";
}

/**
 * The condition each dependency stands under, as an edge label: `Failed` (`a.Failed`), `not Succeeded`,
 * `or` (one of several alternatives, `a || b`), empty for a plain `a`.
 */
function conditions(ast: DependsNode, out: Map<string, string[]>, negated = false, underOr = false): void {
  if (ast.kind === "task") {
    const text = [underOr ? "or" : "", negated ? "not" : "", ast.status ?? ""].filter(Boolean).join(" ");
    const list = out.get(ast.task) ?? [];
    if (text && !list.includes(text)) list.push(text);
    out.set(ast.task, list);
  } else if (ast.kind === "not") conditions(ast.operand, out, !negated, underOr);
  else for (const o of ast.operands) conditions(o, out, negated, underOr || ast.kind === "or");
}

function hookNodes(
  owner: string,
  hooks: Obj | undefined,
  prefix: string,
  nodes: GraphNode[],
  edges: GraphEdge[],
  from: readonly string[],
): void {
  for (const [name, h] of Object.entries(hooks ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const hook = h as Obj;
    const id = sid(prefix, "hook", owner, name);
    const tmpl = templateName(hook);
    nodes.push({
      id,
      lines: [clip(name === "exit" ? "exit hook" : `hook ${name}`), clip(tmpl)],
      kind: name === "exit" ? "exit" : "hook",
      title: `${owner}: hook ${name} → ${tmpl}${hook.expression ? ` when ${String(hook.expression)}` : ""}`,
    });
    const label = name === "exit" ? "on exit" : clip(String(hook.expression ?? name), 28);
    for (const f of from) edges.push({ from: f, to: id, label, dashed: true });
  }
}

/**
 * The sections of one manifest (Workflow, WorkflowTemplate, ClusterWorkflowTemplate or
 * CronWorkflow), the entrypoint first, then the other DAG and steps templates in file order.
 *
 * @example
 * ```ts
 * const sections = graphSections(manifest); // sections[0].nodes: the entrypoint's tasks
 * ```
 */
export function graphSections(manifest: Obj): GraphSection[] {
  const spec = ((manifest.kind === "CronWorkflow" ? (manifest.spec as Obj)?.workflowSpec : manifest.spec) ?? {}) as Obj;
  const meta = (manifest.metadata ?? {}) as { name?: string; generateName?: string };
  const wfName = String(meta.name ?? meta.generateName ?? "workflow");
  const templates = ((spec.templates as Obj[] | undefined) ?? []).filter((t) => typeof t.name === "string");
  const byName = new Map(templates.map((t) => [String(t.name), t]));
  const entry = typeof spec.entrypoint === "string" ? spec.entrypoint : undefined;
  const ordered = [...templates.filter((t) => t.name === entry), ...templates.filter((t) => t.name !== entry)].filter(
    (t) => t.dag || t.steps,
  );
  const prefix = sid(String(manifest.kind ?? "Workflow"), wfName);
  const sections: GraphSection[] = [];
  const taskNode = (id: string, task: Obj): GraphNode => {
    const tname = templateName(task);
    const called = byName.get(tname);
    const kind = templateKind(called);
    const calls = called && (called.dag || called.steps) ? tname : undefined;
    const loop = loopOf(task);
    const lines = [clip(String(task.name)), clip(kind ? `${tname} · ${kind}` : tname)];
    if (loop) lines.push(clip(loop));
    return {
      id,
      lines,
      kind: calls ? "call" : "task",
      ...(loop ? { loop } : {}),
      ...(calls ? { calls: sid(prefix, calls) } : {}),
      title: [
        `${String(task.name)} → ${tname}${kind ? ` (${kind})` : ""}`,
        loop ? `loop: ${loop}` : "",
        task.when ? `when: ${String(task.when)}` : "",
        task.depends ? `depends: ${String(task.depends)}` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  };
  for (const t of ordered) {
    const tname = String(t.name);
    const p = sid(prefix, tname);
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    let sinks: string[] = [];
    if (t.dag) {
      const tasks = (((t.dag as Obj).tasks as Obj[] | undefined) ?? []).filter((x) => typeof x.name === "string");
      const hasDependents = new Set<string>();
      for (const task of tasks) {
        const id = sid(p, String(task.name));
        nodes.push(taskNode(id, task));
        const when = task.when ? `when ${shorten(String(task.when))}` : "";
        let deps: [string, string][] = [];
        if (Array.isArray(task.dependencies)) deps = (task.dependencies as string[]).map((d) => [d, ""]);
        else if (typeof task.depends === "string") {
          const ast = parseDepends(task.depends);
          const conds = new Map<string, string[]>();
          conditions(ast, conds);
          deps = [...conds.entries()].map(([d, c]) => [d, c.join(", ")]);
        }
        for (const [d, cond] of deps) {
          hasDependents.add(d);
          const label = [cond, when].filter(Boolean).join(" · ");
          edges.push({ from: sid(p, d), to: id, ...(label ? { label: clip(label, 40) } : {}) });
        }
        if (!deps.length && when) edges.push({ from: sid(p, "start"), to: id, label: clip(when, 40) });
        hookNodes(String(task.name), task.hooks as Obj | undefined, p, nodes, edges, [id]);
        if (typeof task.onExit === "string")
          hookNodes(String(task.name), { exit: { template: task.onExit } }, p, nodes, edges, [id]);
      }
      if (edges.some((e) => e.from === sid(p, "start")))
        nodes.unshift({ id: sid(p, "start"), lines: ["start"], kind: "junction", title: `${tname} starts` });
      sinks = tasks
        .map((x) => String(x.name))
        .filter((n) => !hasDependents.has(n))
        .map((n) => sid(p, n));
    } else {
      const groups = (t.steps as Obj[][]) ?? [];
      let prev = sid(p, "g0");
      nodes.push({ id: prev, lines: ["start"], kind: "junction", title: `${tname} starts` });
      for (const [i, group] of groups.entries()) {
        const next = sid(p, `g${i + 1}`);
        for (const step of Array.isArray(group) ? group : []) {
          const id = sid(p, `${i}`, String(step.name));
          nodes.push(taskNode(id, step));
          edges.push({
            from: prev,
            to: id,
            ...(step.when ? { label: clip(`when ${shorten(String(step.when))}`, 40) } : {}),
          });
          edges.push({ from: id, to: next });
          hookNodes(String(step.name), step.hooks as Obj | undefined, p, nodes, edges, [id]);
          if (typeof step.onExit === "string")
            hookNodes(String(step.name), { exit: { template: step.onExit } }, p, nodes, edges, [id]);
        }
        nodes.push({
          id: next,
          lines: [i === groups.length - 1 ? "end" : `${i + 1}`],
          kind: "junction",
          title: i === groups.length - 1 ? `${tname} ends` : `after step group ${i + 1}`,
        });
        prev = next;
      }
      sinks = [prev];
    }
    if (tname === entry) {
      const exits: Obj = { ...((spec.hooks as Obj | undefined) ?? {}) };
      if (typeof spec.onExit === "string") exits.exit = { template: spec.onExit };
      hookNodes("workflow", exits, p, nodes, edges, sinks);
    }
    const ids = new Set(nodes.map((n) => n.id));
    sections.push({
      id: p,
      title: `${String(manifest.kind ?? "Workflow")} ${wfName} · ${tname}${t.dag ? " (dag)" : " (steps)"}`,
      template: tname,
      entry: tname === entry,
      nodes,
      edges: edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
    });
  }
  return sections;
}
