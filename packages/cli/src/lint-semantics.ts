/**
 * Checks on manifests (hand-written or compiled) that the CRD schema cannot express: the
 * entrypoint and every referenced template exist, DAG dependencies name tasks of the same DAG,
 * and there is no dependency cycle.
 *
 * @example
 * ```ts
 * for (const i of lintSemantics(manifest)) console.error(`${i.path}: ${i.message}`);
 * ```
 */
export interface SemanticIssue {
  readonly path: string;
  readonly message: string;
}

type Obj = Record<string, unknown>;

function depsOf(task: Obj): string[] {
  const out = new Set<string>();
  for (const d of (task.dependencies as string[] | undefined) ?? []) out.add(d);
  if (typeof task.depends === "string") {
    for (const m of task.depends.matchAll(/([A-Za-z0-9][-A-Za-z0-9]*)(\.[A-Za-z]+)?/g)) out.add(m[1]!);
  }
  return [...out];
}

/**
 * Semantic problems of one Argo manifest.
 *
 * @example
 * ```ts
 * lintSemantics(parseK8sYaml(text)[0]) // [{ path: "spec.entrypoint", message: ... }]
 * ```
 */
export function lintSemantics(manifest: unknown): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (!manifest || typeof manifest !== "object") return issues;
  const m = manifest as Obj;
  const base = m.kind === "CronWorkflow" ? "spec.workflowSpec" : "spec";
  const spec = (m.kind === "CronWorkflow" ? (m.spec as Obj | undefined)?.workflowSpec : m.spec) as Obj | undefined;
  if (!spec || !["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"].includes(String(m.kind))) return issues;
  const templates = (spec.templates as Obj[] | undefined) ?? [];
  const names = new Set(templates.map((t) => String(t.name)));
  const hasRef = Boolean(spec.workflowTemplateRef);
  if (typeof spec.entrypoint === "string" && !hasRef && !names.has(spec.entrypoint)) {
    issues.push({ path: `${base}.entrypoint`, message: `template "${spec.entrypoint}" does not exist` });
  }
  if (typeof spec.onExit === "string" && !names.has(spec.onExit)) issues.push({ path: `${base}.onExit`, message: `template "${spec.onExit}" does not exist` });
  templates.forEach((t, i) => {
    const tpath = `${base}.templates[${i}]`;
    const dag = t.dag as Obj | undefined;
    const stepGroups = t.steps as Obj[][] | undefined;
    const calls: [Obj, string][] = [];
    if (dag) ((dag.tasks as Obj[] | undefined) ?? []).forEach((task, j) => calls.push([task, `${tpath}.dag.tasks[${j}]`]));
    if (stepGroups) stepGroups.forEach((g, j) => (g ?? []).forEach((s, k) => calls.push([s, `${tpath}.steps[${j}][${k}]`])));
    for (const [task, p] of calls) {
      if (typeof task.template === "string" && !task.templateRef && !names.has(task.template) && !task.inline) {
        issues.push({ path: `${p}.template`, message: `template "${task.template}" does not exist` });
      }
    }
    if (dag) {
      const tasks = (dag.tasks as Obj[] | undefined) ?? [];
      const byName = new Map(tasks.map((x) => [String(x.name), x]));
      tasks.forEach((task, j) => {
        for (const d of depsOf(task)) {
          if (!byName.has(d) && !["Succeeded", "Failed", "Errored", "Skipped", "Omitted", "Daemoned"].includes(d)) {
            issues.push({ path: `${tpath}.dag.tasks[${j}]`, message: `depends on "${d}", which is not a task of this DAG` });
          }
        }
      });
      const state = new Map<string, number>();
      const visit = (n: string, trail: string[]): string[] | undefined => {
        if (state.get(n) === 2) return undefined;
        if (state.get(n) === 1) return [...trail.slice(trail.indexOf(n)), n];
        state.set(n, 1);
        const task = byName.get(n);
        for (const d of task ? depsOf(task) : []) {
          if (!byName.has(d)) continue;
          const c = visit(d, [...trail, n]);
          if (c) return c;
        }
        state.set(n, 2);
        return undefined;
      };
      for (const n of byName.keys()) {
        const c = visit(n, []);
        if (c) {
          issues.push({ path: `${tpath}.dag`, message: `dependency cycle: ${c.join(" -> ")}` });
          break;
        }
      }
    }
  });
  return issues;
}
