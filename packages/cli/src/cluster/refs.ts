/**
 * Parsing of `NAME` or `KIND/NAME` arguments of get and delete.
 */
import type { ArgoKind } from "@wfc/client";

/**
 * `hello` → Workflow hello; `wftmpl/build` → WorkflowTemplate build.
 *
 * @example
 * ```ts
 * await parseRef("cronworkflow/nightly") // { kind: "CronWorkflow", name: "nightly" }
 * ```
 */
export async function parseRef(
  arg: string,
  defaultKind: ArgoKind = "Workflow",
): Promise<{ kind: ArgoKind; name: string }> {
  if (!arg.includes("/")) return { kind: defaultKind, name: arg };
  const { parseKindName } = await import("@wfc/client");
  const { resource, name } = parseKindName(arg);
  return { kind: resource.kind, name };
}
