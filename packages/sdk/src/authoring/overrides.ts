import type { ZodType } from "zod";
import type { ArgoObjectMeta, ArgoWorkflowSpec } from "../core/argo.js";
import { WfcError } from "../core/errors.js";
import { baseTypeOf } from "./decl.js";
import { isWorkflow, type WorkflowObject, workflowModel } from "./workflow.js";

/**
 * Thrown when `-p name=value` names no parameter or the value fails the parameter's type.
 *
 * @example
 * ```ts
 * try { applyParameterOverrides(m, { nope: "1" }, wf); } catch (e) { if (e instanceof ParameterError) console.error(e.message); }
 * ```
 */
export class ParameterError extends WfcError {
  constructor(message: string) {
    super("E_PARAMETER", message);
    this.name = "ParameterError";
  }
}

function coerce(schema: ZodType, raw: string): unknown {
  switch (baseTypeOf(schema)) {
    case "number":
    case "int":
      return raw.trim() === "" ? Number.NaN : Number(raw);
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    case "string":
    case "enum":
    case "literal":
      return raw;
    default:
      try {
        return JSON.parse(raw);
      } catch {
        return raw;
      }
  }
}

/**
 * What {@link applyParameterOverrides} takes: a compiled workflow manifest (`compile()`'s), or a
 * workflow object read from a file or the cluster.
 *
 * @example
 * ```ts
 * const m: ParameterizedManifest = { kind: "Workflow", spec: { arguments: { parameters: [{ name: "n" }] } } };
 * ```
 */
export interface ParameterizedManifest {
  readonly kind: string;
  readonly spec: object;
}

/**
 * The workflow spec of a manifest of any origin: `spec.workflowSpec` of a CronWorkflow, `spec` of
 * the others. Read as Argo's type; the fields it writes (`arguments.parameters`) are checked here.
 */
function workflowSpecOf(m: ParameterizedManifest): ArgoWorkflowSpec | undefined {
  const spec: ArgoWorkflowSpec | undefined =
    m.kind === "CronWorkflow" ? (m.spec as { workflowSpec?: ArgoWorkflowSpec }).workflowSpec : m.spec;
  if (spec?.arguments?.parameters !== undefined && !Array.isArray(spec.arguments.parameters))
    throw new ParameterError(`${m.kind}: spec.arguments.parameters is not a list`);
  return spec;
}

/**
 * Sets workflow parameters on a compiled manifest (`spec.arguments.parameters`, or
 * `spec.workflowSpec.arguments` for a CronWorkflow), checking each name against the declared
 * parameters and, when the workflow object is given, each value against its zod schema.
 * Returns a new manifest; throws {@link ParameterError}.
 *
 * @example
 * ```ts
 * const m = applyParameterOverrides(compile(wf), { count: "3" }, wf);
 * ```
 */
export function applyParameterOverrides<M extends ParameterizedManifest>(
  manifest: M,
  overrides: Readonly<Record<string, string>>,
  workflow?: WorkflowObject,
): M {
  const copy = structuredClone(manifest);
  const spec = workflowSpecOf(copy);
  if (!spec) throw new ParameterError(`${copy.kind} has no spec to set parameters on`);
  const args = (spec.arguments ??= {});
  const params = (args.parameters ??= []);
  const model = workflow && isWorkflow(workflow) ? workflowModel(workflow) : undefined;
  const declared = new Map(params.map((p) => [p.name, p]));
  const meta = (copy as { metadata?: ArgoObjectMeta }).metadata;
  const label = `${copy.kind} ${meta?.name ?? meta?.generateName ?? ""}`.trim();
  for (const [key, raw] of Object.entries(overrides)) {
    const p = declared.get(key);
    if (!p) {
      const known = [...declared.keys()].join(", ") || "none";
      throw new ParameterError(`${label} has no parameter "${key}" (declared: ${known})`);
    }
    if (p.enum && !p.enum.includes(raw))
      throw new ParameterError(`parameter "${key}" must be one of ${p.enum.join(", ")}; got "${raw}"`);
    const schema = model?.parameters.find((x) => x.name === key)?.schema;
    if (schema) {
      const r = schema.safeParse(coerce(schema, raw));
      if (!r.success)
        throw new ParameterError(
          `parameter "${key}": "${raw}" is not valid: ${r.error.issues.map((i) => i.message).join("; ")}`,
        );
    }
    p.value = raw;
  }
  return copy;
}
