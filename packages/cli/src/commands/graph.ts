import { isWorkflowManifest, type KubernetesObject } from "@wfc/sdk";
import type { DAGTask } from "@wfc/sdk/argo";
import { dependsTasks, parseDepends } from "@wfc/sdk/internal";
import { type Command, Option } from "commander";
import { inputsOrPipelines } from "../config/apply-config.js";
import { loadManifests } from "../load.js";

function deps(task: DAGTask): string[] {
  if (Array.isArray(task.dependencies)) return task.dependencies;
  if (typeof task.depends === "string") return [...new Set(dependsTasks(parseDepends(task.depends)))];
  return [];
}

function id(template: string, task: string): string {
  return `${template}__${task}`.replace(/[^A-Za-z0-9_]/g, "_");
}

/**
 * Renders the DAG and steps templates of manifests as a Mermaid flowchart or a Graphviz digraph.
 *
 * @example
 * ```ts
 * process.stdout.write(renderGraph([manifest], "mermaid"));
 * ```
 */
export function renderGraph(manifests: readonly KubernetesObject[], format: "mermaid" | "dot"): string {
  const lines: string[] =
    format === "mermaid" ? ["flowchart TD"] : ["digraph workflows {", "  rankdir=TB;", "  node [shape=box];"];
  for (const m of manifests) {
    if (!isWorkflowManifest(m)) continue;
    const spec = m.kind === "CronWorkflow" ? m.spec.workflowSpec : m.spec;
    const wfName = `${m.kind}/${m.metadata.name ?? m.metadata.generateName}`;
    for (const t of spec?.templates ?? []) {
      const tname = String(t.name);
      const label = `${wfName} ${tname}`;
      const nodes: [string, string][] = [];
      const edges: [string, string, string?][] = [];
      if (t.dag) {
        for (const task of t.dag.tasks ?? []) {
          const n = String(task.name);
          nodes.push([id(tname, n), `${n}\\n(${String(task.template ?? task.templateRef?.template ?? "")})`]);
          for (const d of deps(task)) edges.push([id(tname, d), id(tname, n)]);
        }
      } else if (t.steps) {
        let prev: string[] = [];
        for (const group of t.steps) {
          const cur = group.map((s) => id(tname, String(s.name)));
          for (const [i, s] of group.entries())
            nodes.push([cur[i]!, `${String(s.name)}\\n(${String(s.template ?? "")})`]);
          for (const p of prev) for (const c of cur) edges.push([p, c]);
          prev = cur;
        }
      } else continue;
      if (format === "mermaid") {
        lines.push(`  subgraph ${id(wfName, tname)}["${label}"]`);
        for (const [n, l] of nodes) lines.push(`    ${n}["${l.replace(/\\n/g, "<br/>").replace(/"/g, "#quot;")}"]`);
        for (const [a, b] of edges) lines.push(`    ${a} --> ${b}`);
        lines.push("  end");
      } else {
        lines.push(`  subgraph "cluster_${id(wfName, tname)}" {`, `    label="${label}";`);
        for (const [n, l] of nodes) lines.push(`    ${n} [label="${l.replace(/"/g, '\\"')}"];`);
        for (const [a, b] of edges) lines.push(`    ${a} -> ${b};`);
        lines.push("  }");
      }
    }
  }
  if (format === "dot") lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Registers `wfc graph`. */
type GraphFormat = "mermaid" | "dot" | "svg" | "png" | "html";

export function registerGraph(program: Command): void {
  program
    .command("graph")
    .description("draw the DAG and steps of workflows (SVG, PNG, HTML) or print them as Mermaid or Graphviz text")
    .argument(
      "[files...]",
      "pipeline modules (.ts, .js) or manifests (.yaml) (default: the wfc configuration's pipelines)",
    )
    .addOption(
      new Option("-o, --output <format>", "graph format")
        .choices(["mermaid", "dot", "svg", "png", "html"])
        .default("mermaid"),
    )
    .addOption(new Option("--format <format>").choices(["mermaid", "dot", "svg", "png", "html"]).hideHelp())
    .addHelpText(
      "after",
      "\nExamples:\n  wfc graph pipeline.ts\n  wfc graph pipeline.ts -o svg > graph.svg\n  wfc graph pipeline.ts -o png > graph.png\n  wfc graph pipeline.ts -o html > graph.html   (called templates expand on click)\n  wfc graph pipeline.ts -o dot | dot -Tsvg > graph.svg",
    )
    .action(async (given: string[], o: { output: GraphFormat; format?: GraphFormat }, cmd: Command) => {
      const opts = { format: o.format ?? o.output };
      const loaded = await loadManifests(await inputsOrPipelines(given, cmd));
      if (opts.format === "svg" || opts.format === "png" || opts.format === "html") {
        const { renderPicture } = await import("../render/index.js");
        process.stdout.write(
          await renderPicture(
            loaded.map((l) => l.manifest as unknown as Record<string, unknown>),
            opts.format,
          ),
        );
        return;
      }
      process.stdout.write(
        renderGraph(
          loaded.map((l) => l.manifest),
          opts.format,
        ),
      );
    });
}
