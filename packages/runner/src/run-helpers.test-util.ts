import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NodeStatus, Workflow } from "@wfc/sdk/argo";
import { parseK8sYaml } from "@wfc/sdk/yaml";
import { type VirtualClock, virtualClock } from "./clock-virtual.js";
import { execute } from "./execute.js";
import type { ScriptedExecutorOptions } from "./scripted-executor.js";
import { scriptedExecutor } from "./scripted-executor.js";

/** Test helpers: parse a YAML workflow and run it on a scripted executor and a virtual clock. */
export function wf(yaml: string): Workflow {
  const docs = parseK8sYaml(yaml) as unknown[];
  return docs[0] as Workflow;
}

export async function run(
  yaml: string,
  opts: ScriptedExecutorOptions & {
    parameters?: Record<string, string>;
    templates?: unknown[];
    /** The run's clock, for pods that take (virtual) time. @default a new virtual clock */
    clock?: VirtualClock;
  } = {},
) {
  const clock = opts.clock ?? virtualClock();
  const executor = scriptedExecutor({ sleep: clock.sleep, ...opts });
  const res = await execute(wf(yaml), {
    executor,
    clock,
    runDir: mkdtempSync(join(tmpdir(), "wfc-run-")),
    ...(opts.parameters ? { parameters: opts.parameters } : {}),
    ...(opts.templates ? { templates: opts.templates } : {}),
  });
  const nodes = Object.values(res.workflow.status?.nodes ?? {});
  const byName = (n: string): NodeStatus => {
    const x = nodes.find((y) => y.name === n);
    if (!x) throw new Error(`no node ${n}; have ${nodes.map((y) => y.name).join(", ")}`);
    return x;
  };
  return { ...res, nodes, byName, executor, clock };
}
