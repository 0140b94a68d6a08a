/**
 * Which pods of a workflow would need a container engine in a test: container (and non-Node
 * script) templates that no mock covers. Found before the run starts, so that a test without an
 * engine fails at once with the templates named, not halfway with an `Error` node.
 */
import type { Template, WorkflowSpec } from "@wfc/sdk/argo";
import { podRoute } from "../exec/router.js";
import type { Mock } from "./mock.js";
import { findMock } from "./mock-executor.js";

interface CallSite {
  readonly template: string;
  /** The task or step name; undefined for the entrypoint, exit handlers and hooks. */
  readonly task: string | undefined;
}

function hookTemplates(hooks: Record<string, { template?: string }> | undefined): string[] {
  return Object.values(hooks ?? {}).flatMap((h) => (h.template ? [h.template] : []));
}

/** Every place a template is called from: tasks and steps (by name), and name-less references. */
function callSites(spec: WorkflowSpec): CallSite[] {
  const sites: CallSite[] = [];
  const named = (template: string | undefined, task: string) => template && sites.push({ template, task });
  const anonymous = (template: string | undefined) => template && sites.push({ template, task: undefined });
  anonymous(spec.entrypoint);
  anonymous(spec.onExit);
  for (const h of hookTemplates(spec.hooks as Record<string, { template?: string }> | undefined)) anonymous(h);
  for (const t of spec.templates ?? []) {
    const calls = [...(t.dag?.tasks ?? []), ...(t.steps ?? []).flat()];
    for (const c of calls) {
      named(c.template, c.name ?? "");
      anonymous(c.onExit);
      for (const h of hookTemplates(c.hooks as Record<string, { template?: string }> | undefined)) anonymous(h);
    }
  }
  return sites;
}

/**
 * The names of the templates that need an engine: every template routed to containers of which
 * some call is not mocked.
 */
export function unmockedContainerTemplates(spec: WorkflowSpec, mocks: readonly Mock[], isolate = false): string[] {
  const sites = callSites(spec);
  const out: string[] = [];
  for (const t of spec.templates ?? ([] as Template[])) {
    if (podRoute(t, { isolate }) !== "container") continue;
    const name = t.name ?? "";
    const mine = sites.filter((s) => s.template === name);
    // A template nothing calls never runs.
    if (mine.some((s) => findMock(mocks, name, s.task) === undefined)) out.push(name);
  }
  return out;
}
