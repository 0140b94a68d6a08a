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

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `hasOutputResultRef`: whether the boundary's template references `<tasks|steps>.<name>.outputs.result`. */
export function hasOutputResultRef(nodeName: string, parent: Template | undefined): boolean {
  if (!parent) return false;
  const name = stepOrTaskName(nodeName);
  const json = JSON.stringify(parent);
  const prefix = parent.dag ? "tasks" : parent.steps ? "steps" : "";
  if (new RegExp(`${prefix}\\.${esc(name)}\\.outputs\\.result`).test(json)) return true;
  return new RegExp(`${prefix}\\[\\\\?['"]${esc(name)}\\\\?['"]\\]\\.outputs.result`).test(json);
}

const maxResult = 256 * 1024;

/** Argo's executor: one trailing newline trimmed, the last 256 kB kept. */
export function capResult(stdout: string): string {
  let out = stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout;
  const bytes = Buffer.from(out, "utf8");
  if (bytes.length > maxResult) out = bytes.subarray(bytes.length - maxResult).toString("utf8");
  return out;
}
