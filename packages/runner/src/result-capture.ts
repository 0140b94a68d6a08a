import type { Template } from "@wfc/sdk/argo";

/** `getStepOrDAGTaskName`: `.fanout1(0:1)(0)[0]` -> `fanout1`. */
export function stepOrTaskName(nodeName: string): string {
  let opener = "";
  let name = nodeName;
  for (let i = nodeName.length - 1; i >= 0; i--) {
    const c = nodeName[i]!;
    if (c === opener) opener = "";
    else if (opener !== "") continue;
    else if (c === ")") opener = "(";
    else if (c === "]") opener = "[";
    else {
      name = nodeName.slice(0, i + 1);
      break;
    }
  }
  const dot = name.lastIndexOf(".");
  return dot >= 0 ? name.slice(dot + 1) : name;
}

const refs = new WeakMap<Template, Set<string>>();

/** The task/step names whose `outputs.result` the template references (computed once per template). */
function resultRefs(parent: Template): Set<string> {
  let set = refs.get(parent);
  if (set) return set;
  set = new Set();
  const json = JSON.stringify(parent);
  const prefix = parent.dag ? "tasks" : parent.steps ? "steps" : "";
  for (const m of json.matchAll(new RegExp(`${prefix}\\.([^.\\s{}"'\\[\\]]+)\\.outputs\\.result`, "g"))) set.add(m[1]!);
  for (const m of json.matchAll(new RegExp(`${prefix}\\[\\\\?['"]([^'"\\\\]+)\\\\?['"]\\]\\.outputs.result`, "g")))
    set.add(m[1]!);
  refs.set(parent, set);
  return set;
}

/** `hasOutputResultRef`: whether the boundary's template references `<tasks|steps>.<name>.outputs.result`. */
export function hasOutputResultRef(nodeName: string, parent: Template | undefined): boolean {
  if (!parent) return false;
  return resultRefs(parent).has(stepOrTaskName(nodeName));
}

const maxResult = 256 * 1024;

/** Argo's executor: one trailing newline trimmed, the last 256 kB kept. */
export function capResult(stdout: string): string {
  let out = stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout;
  const bytes = Buffer.from(out, "utf8");
  if (bytes.length > maxResult) out = bytes.subarray(bytes.length - maxResult).toString("utf8");
  return out;
}
