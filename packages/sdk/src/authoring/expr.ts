import { BRAND, hasBrand } from "../core/brand.js";
import { type ArtifactRef, createRef, exprToken, isRef, type Ref } from "../core/ref.js";

/**
 * An expr-lang expression (Argo's `{{= ... }}` syntax) built from references and literals.
 * Interpolated into a string (`` `${e}` ``) it prints as `{{=text}}`; in fields that hold a bare
 * expression (`valueFrom.expression`, `fromExpression`, a hook's `expression`) it is written as
 * its text. References inside print in expression form (`tasks['flip-coin'].outputs.result`).
 *
 * @example
 * ```ts
 * const e = expr`${flip.result} == 'heads'`;
 * heads({}, { when: e });           // when: "{{=tasks['flip-coin'].outputs.result == 'heads'}}"
 * ```
 */
export interface Expr {
  readonly [BRAND.expr]: "expression";
  /** The expression text (references as placeholders, resolved by the compiler). */
  readonly text: string;
  /** `{{=text}}`. */
  toString(): string;
}

/**
 * True when `value` is an {@link Expr}.
 *
 * @internal
 */
export function isExpr(value: unknown): value is Expr {
  return hasBrand(value, BRAND.expr) && (value as { [BRAND.expr]: unknown })[BRAND.expr] === "expression";
}

function makeExpr(text: string): Expr {
  return Object.freeze({
    [BRAND.expr]: "expression" as const,
    text,
    toString: () => `{{=${text}}}`,
    toJSON: () => `{{=${text}}}`,
  }) as Expr;
}

/** How a value is written inside an expression. */
function piece(v: unknown, quote: "'" | '"'): string {
  if (isRef(v)) return exprToken(v, quote);
  if (isExpr(v)) return v.text;
  return String(v);
}

/**
 * Builds an expression from a template literal: references become their expression form, nested
 * expressions their text, anything else is written as it is.
 *
 * @example
 * ```ts
 * expr`asInt(${n}) * 10`              // {{=asInt(inputs.parameters.n) * 10}}
 * expr` ${shouldPrint} == 'true'`      // {{= inputs.parameters['should-print'] == 'true'}}
 * ```
 */
export function expr(strings: TemplateStringsArray, ...values: unknown[]): Expr {
  return makeExpr(String.raw({ raw: strings }, ...values.map((v) => piece(v, "'"))));
}

/**
 * Like {@link expr}, but names with dashes are written with double quotes (`inputs.parameters["a-b"]`).
 *
 * @example
 * ```ts
 * exprDq` ${shouldPrint} == 'true'`   // {{= inputs.parameters["should-print"] == 'true'}}
 * ```
 */
export function exprDq(strings: TemplateStringsArray, ...values: unknown[]): Expr {
  return makeExpr(String.raw({ raw: strings }, ...values.map((v) => piece(v, '"'))));
}

/**
 * `jsonpath(value, path)`: reads part of a JSON value.
 *
 * @example
 * ```ts
 * jsonpath(config, "$.a")   // {{=jsonpath(workflow.parameters.config, '$.a')}}
 * ```
 */
export function jsonpath(value: Ref | Expr, path: string): Expr {
  return makeExpr(`jsonpath(${piece(value, "'")}, '${path}')`);
}

/**
 * A condition `a ? b : c` over expressions: e.g. to pick one of two tasks' outputs.
 *
 * @example
 * ```ts
 * const h = heads(); const t = tails();
 * ifThenElse(expr`${flip.result} == 'heads'`, h.result, t.result)
 * // tasks['flip-coin'].outputs.result == 'heads' ? tasks.heads.outputs.result : tasks.tails.outputs.result
 * ```
 */
export function ifThenElse(
  cond: Expr | Ref,
  then: Ref | Expr | string | number,
  otherwise: Ref | Expr | string | number,
): Expr {
  return makeExpr(`${piece(cond, "'")} ? ${piece(then, "'")} : ${piece(otherwise, "'")}`);
}

function global<T = string>(e: string): Ref<T> {
  return createRef<T>({ kind: "global", expr: e });
}

/**
 * Argo's global variables as typed references: `{{workflow.name}}`, `{{workflow.status}}`, ...
 * Interpolate them into strings or pass them as arguments; inside {@link expr} they print in
 * expression form.
 *
 * @example
 * ```ts
 * echo({ msg: `${vars.workflow.name} finished: ${vars.workflow.status}` });
 * celebrate({}, { when: eq(vars.workflow.status, "Succeeded") });
 * echo({ msg: `${vars.workflow.labelsJson} ${vars.steps.name}` }); // {{workflow.labels.json}}, {{steps.name}}
 * // in a template's metrics: `${vars.exitCode}`, `${vars.outputs.result}`, `${vars.resourcesDuration("cpu")}`
 * ```
 */
export const vars = {
  workflow: {
    get name() {
      return global("workflow.name");
    },
    get namespace() {
      return global("workflow.namespace");
    },
    get uid() {
      return global("workflow.uid");
    },
    get status() {
      return global("workflow.status");
    },
    get duration() {
      return global<number>("workflow.duration");
    },
    get failures() {
      return global("workflow.failures");
    },
    get creationTimestamp() {
      return global("workflow.creationTimestamp");
    },
    get mainEntrypoint() {
      return global("workflow.mainEntrypoint");
    },
    get serviceAccountName() {
      return global("workflow.serviceAccountName");
    },
    get priority() {
      return global<number>("workflow.priority");
    },
    get scheduledTime() {
      return global("workflow.scheduledTime");
    },
    /** All workflow parameters as JSON. */
    get parametersJson() {
      return global("workflow.parameters.json");
    },
    /** `workflow.parameters`: all workflow parameters (Argo's older form of {@link parametersJson}). */
    get parameters() {
      return global("workflow.parameters");
    },
    /** `workflow.labels`: all labels of the workflow (Argo's older form of {@link labelsJson}). */
    get labels() {
      return global("workflow.labels");
    },
    /** `workflow.labels.json`: all labels of the workflow as a JSON object. */
    get labelsJson() {
      return global("workflow.labels.json");
    },
    /** `workflow.annotations`: all annotations of the workflow (Argo's older form of {@link annotationsJson}). */
    get annotations() {
      return global("workflow.annotations");
    },
    /** `workflow.annotations.json`: all annotations of the workflow as a JSON object. */
    get annotationsJson() {
      return global("workflow.annotations.json");
    },
    /** A workflow parameter by name (e.g. one not declared by this module, like a WorkflowTemplate's). */
    parameter: (name: string) => global(`workflow.parameters.${name}`),
    /** A global output parameter (exported with `globalName`). */
    outputParameter: (name: string) => global(`workflow.outputs.parameters.${name}`),
    /** A global output artifact (exported with `globalName`). */
    outputArtifact: (name: string): ArtifactRef =>
      global(`workflow.outputs.artifacts.${name}`) as unknown as ArtifactRef,
    label: (name: string) => global(`workflow.labels.${name}`),
    annotation: (name: string) => global(`workflow.annotations.${name}`),
    /** `workflow.creationTimestamp.<fmt>`: a strftime letter (e.g. "Y"), "RFC3339", or "s" (Unix seconds). */
    creationTime: (format: string) => global(`workflow.creationTimestamp.${format}`),
  },
  pod: {
    get name() {
      return global("pod.name");
    },
  },
  node: {
    get name() {
      return global("node.name");
    },
  },
  /** In a template called from a steps body: the calling step's name (`{{steps.name}}`). */
  steps: {
    get name() {
      return global("steps.name");
    },
  },
  /** In a template called from a DAG: the calling task's name (`{{tasks.name}}`, e.g. `c-loop(0:x)` in a loop). */
  tasks: {
    get name() {
      return global("tasks.name");
    },
  },
  /** Retry attempt number inside a template with a retryStrategy. */
  get retries() {
    return global<number>("retries");
  },
  lastRetry: {
    get exitCode() {
      return global("lastRetry.exitCode");
    },
    get status() {
      return global("lastRetry.status");
    },
    get duration() {
      return global("lastRetry.duration");
    },
    get message() {
      return global("lastRetry.message");
    },
  },
  cronworkflow: {
    get name() {
      return global("cronworkflow.name");
    },
    get lastScheduledTime() {
      return global("cronworkflow.lastScheduledTime");
    },
    get failed() {
      return global("cronworkflow.failed");
    },
    get succeeded() {
      return global("cronworkflow.succeeded");
    },
  },
  /** In a template: where its input artifacts are placed (`{{inputs.artifacts.<name>.path}}`). */
  inputs: {
    artifactPath: (name: string) => global(`inputs.artifacts.${name}.path`),
    /** An input parameter, where the template's input references are out of reach (its options: metrics, timeout, ...). */
    parameter: (name: string) => global(`inputs.parameters.${name}`),
  },
  /** In a template: where it must write its outputs (`{{outputs.artifacts.<name>.path}}`, `{{outputs.parameters.<name>.path}}`). */
  outputs: {
    artifactPath: (name: string) => global(`outputs.artifacts.${name}.path`),
    parameterPath: (name: string) => global(`outputs.parameters.${name}.path`),
    /** The value of an output parameter of this template (in its metrics). */
    parameter: (name: string) => global(`outputs.parameters.${name}`),
    /** In template metrics: the template's own `outputs.result` (its stdout or script result). */
    get result() {
      return global("outputs.result");
    },
  },
  /** In template metrics: the node's duration in seconds. */
  get duration() {
    return global<number>("duration");
  },
  /** In template metrics and hooks: the node's status. */
  get status() {
    return global("status");
  },
  /** In template metrics: the exit code of the node's main container. */
  get exitCode() {
    return global("exitCode");
  },
  /** In template metrics: the node's resource usage of one resource, e.g. `"cpu"` or `"memory"` (`{{resourcesDuration.cpu}}`). */
  resourcesDuration: (resource: string) => global<number>(`resourcesDuration.${resource}`),
  /** In a template: `inputs.parameters` (all inputs as JSON). */
  get inputsParametersJson() {
    return global("inputs.parameters");
  },
  /** Inside an exit handler or hook with `steps`/`tasks` outputs not known statically. */
  global: <T = string>(expression: string): Ref<T> => global<T>(expression),
} as const;
