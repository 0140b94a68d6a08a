import type { ZodType } from "zod";
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
export function applyParameterOverrides<M extends { kind: string; spec: Record<string, unknown> }>(
  manifest: M,
  overrides: Readonly<Record<string, string>>,
  workflow?: WorkflowObject,
): M {
  const copy = structuredClone(manifest) as M;
  const spec = (copy.kind === "CronWorkflow" ? copy.spec.workflowSpec : copy.spec) as
    | Record<string, unknown>
    | undefined;
  if (!spec) throw new ParameterError(`${copy.kind} has no spec to set parameters on`);
  const args = (spec.arguments ??= {}) as Record<string, unknown>;
  const params = (args.parameters ??= []) as { name: string; value?: string; enum?: string[] }[];
  const model = workflow && isWorkflow(workflow) ? workflowModel(workflow) : undefined;
  const declared = new Map(params.map((p) => [p.name, p]));
  const name = (copy as unknown as { metadata?: { name?: string; generateName?: string } }).metadata;
  const label = `${copy.kind} ${name?.name ?? name?.generateName ?? ""}`.trim();
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
