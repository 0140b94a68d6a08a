/**
 * Mocks: what a pod does in a test instead of running. A mock targets a template (every call of
 * it), a task (by name, optionally with its template for types, or by handle), and gives the
 * template's outputs — typed from its declarations — or a failure.
 */
import type { Artifact as ArtifactValue, ParamDecl, Task, Template, z } from "@wfc/sdk";
import type { PodRequest } from "../executor.js";
import { HarnessCodes, HarnessError } from "./errors.js";
import { isTaskValue, isTemplateValue, type TemplateInfo, taskInfo, templateInfo } from "./introspect.js";

/** The zod schema of a declaration. */
type SchemaOf<D> = D extends ParamDecl<infer S, boolean> ? S : D extends z.ZodType ? D : never;
/**
 * The declared type of a parameter declaration (a zod schema or `param(schema)`).
 *
 * @example
 * ```ts
 * type Rows = ValueOf<typeof rowsDecl>; // number, for param(z.number())
 * ```
 */
export type ValueOf<D> = z.output<SchemaOf<D>>;
/** The output parameters of a template's value shape (`Template<I, O, R>` holds values; artifacts are `Artifact`). */
export type ParamKeys<O> = { [K in keyof O]-?: NonNullable<O[K]> extends ArtifactValue ? never : K }[keyof O];
/** The output artifacts of a template's value shape. */
export type ArtifactKeys<O> = { [K in keyof O]-?: NonNullable<O[K]> extends ArtifactValue ? K : never }[keyof O];

/**
 * An input artifact as a mock sees it: where the runner staged it.
 *
 * @example
 * ```ts
 * mock(transform, async ({ raw }) => ({ rows: (await raw.read()).split("\n").length }));
 * ```
 */
export interface MockArtifactInput {
  /** The artifact's path in the container (its declared `path`). */
  readonly path: string;
  /** The file or directory on the host, when the artifact comes from one. */
  readonly hostPath: string | undefined;
  /** The artifact's content as text (a file's; `raw` artifacts' inline text). */
  read(): Promise<string>;
}

/**
 * An output artifact a mock produces: a file's content, or a directory as `{ "name": content }`.
 * @default an empty file
 *
 * @example
 * ```ts
 * mock(extract, { partitions: ["a"], raw: { "a.csv": "1,2\n" } });
 * ```
 */
export type MockArtifactOutput = string | { readonly [file: string]: string };

/**
 * The inputs a typed mock receives: parameters decoded to their declared types, artifacts as
 * {@link MockArtifactInput}.
 *
 * @example
 * ```ts
 * mock(transform, ({ partition }) => ({ rows: partition.length })); // partition: string
 * ```
 */
export type MockInputs<I> = {
  readonly [K in keyof I]-?: NonNullable<I[K]> extends ArtifactValue ? MockArtifactInput : Exclude<I[K], undefined>;
};

type ResultField<R> = unknown extends R
  ? { readonly result?: unknown }
  : string extends R
    ? { readonly result?: R }
    : { readonly result: R };

/**
 * The outputs a typed mock returns: every declared output parameter with its declared type,
 * output artifacts (optional), and `result` (required when the template declares a non-string
 * result, e.g. `nodeScript({ result: z.number() })`). Undeclared keys are rejected when the mock runs.
 *
 * @example
 * ```ts
 * const out: MockOutputs<{ rows: z.ZodNumber }, string> = { rows: 3 };
 * ```
 */
export type MockOutputs<O, R> = { readonly [K in ParamKeys<O>]: O[K] } & {
  readonly [K in ArtifactKeys<O>]?: MockArtifactOutput;
} & ResultField<R>;

/**
 * Outputs of a mock with no template to type it: any parameters, by name (and `result`).
 *
 * @example
 * ```ts
 * mock({ task: "load" }, (): UntypedMockOutputs => ({ loaded: 12 }));
 * ```
 */
export type UntypedMockOutputs = { readonly [name: string]: unknown };

/**
 * What a mock knows about the attempt it answers.
 *
 * @example
 * ```ts
 * mock(transform, (_in, { retry }) => (retry < 2 ? fail("flaky") : { rows: 1 }));
 * ```
 */
export interface MockContext {
  /** 0 for the first attempt, 1 for the first retry... (`{{retries}}`). */
  readonly retry: number;
  /** How many times this mock has answered so far, this one included (1 for the first call). */
  readonly call: number;
  /** The node's full name, e.g. `etl-test.transform(0:a)(1)`. */
  readonly nodeName: string;
  readonly templateName: string;
  readonly taskName: string | undefined;
  /** The whole request, as an executor gets it (the substituted template, staged files...). */
  readonly request: PodRequest;
  /** Writes a log line of the pod. */
  log(line: string): void;
  /**
   * Waits `ms` on the run's clock (virtual by default: instant), e.g. to test a template's
   * `timeout`; rejects when the pod is stopped first.
   */
  sleep(ms: number): Promise<void>;
}

const FAILURE = Symbol.for("wfc.testing.failure");

/**
 * A mocked failure: the pod ends `Failed` (or `Error`) with this message and exit code.
 *
 * @example
 * ```ts
 * const f: MockFailure = fail({ message: "disk full", exitCode: 3 });
 * ```
 */
export interface MockFailure {
  readonly [FAILURE]: true;
  readonly message: string | undefined;
  readonly exitCode: number;
  readonly phase: "Failed" | "Error";
  readonly stdout: string;
}

/**
 * Options of {@link fail}.
 *
 * @example
 * ```ts
 * fail({ exitCode: 3 });
 * ```
 */
export interface FailOptions {
  /** The node's message. @default Argo's `main: Error (exit code N)` */
  readonly message?: string;
  /** The main container's exit code (`{{exitCode}}`, `lastRetry.exitCode`, retry expressions). @default 1 */
  readonly exitCode?: number;
  /** `Failed` (the container ran and failed) or `Error` (it could not run). @default "Failed" */
  readonly phase?: "Failed" | "Error";
  /** What the container printed before failing. @default "" */
  readonly stdout?: string;
}

/**
 * A failure for a mock to return: `fail("message")` or `fail({ exitCode: 3 })`.
 *
 * @example
 * ```ts
 * mock(load, fail("warehouse unreachable"));
 * mock(transform, (_in, { retry }) => (retry === 0 ? fail({ exitCode: 3 }) : { rows: 10 }));
 * ```
 */
export function fail(what?: string | FailOptions): MockFailure {
  const o: FailOptions = typeof what === "string" ? { message: what } : (what ?? {});
  return Object.freeze({
    [FAILURE]: true as const,
    message: o.message,
    exitCode: o.exitCode ?? 1,
    phase: o.phase ?? "Failed",
    stdout: o.stdout ?? "",
  });
}

/**
 * True when a mock's answer is a {@link fail} value.
 *
 * @example
 * ```ts
 * isFailure(fail("boom")) // true
 * ```
 */
export function isFailure(value: unknown): value is MockFailure {
  return typeof value === "object" && value !== null && FAILURE in value;
}

/**
 * A mock's answer: outputs or a failure, now or later.
 *
 * @example
 * ```ts
 * const answer: MockAnswer<{ rows: number }> = Promise.resolve({ rows: 3 });
 * ```
 */
export type MockAnswer<T> = T | MockFailure | Promise<T | MockFailure>;

/**
 * What a mock does: a fixed answer, or a function of the inputs and the attempt.
 *
 * @example
 * ```ts
 * const impl: MockImpl<MockInputs<{}>, MockOutputs<{}, string>> = () => ({ result: "ok" });
 * ```
 */
export type MockImpl<In, Out> = Out | MockFailure | ((inputs: In, context: MockContext) => MockAnswer<Out>);

/** What a mock applies to. */
export type MockTarget =
  | { readonly kind: "template"; readonly template: TemplateInfo }
  | { readonly kind: "task"; readonly task: string; readonly template: TemplateInfo | undefined };

/**
 * A mock, made by {@link mock}; pass a list of them to `runWorkflow(wf, { mocks })`.
 *
 * @example
 * ```ts
 * const mocks: Mock[] = [mock(extract, { partitions: ["a", "b"] })];
 * ```
 */
export interface Mock {
  readonly target: MockTarget;
  /** @internal the implementation, untyped */
  readonly impl: unknown;
}

const POD_KINDS = new Set(["container", "script", "containerSet", "http", "data", "plugin", "external"]);

function checkPodTemplate(t: TemplateInfo): TemplateInfo {
  if (!POD_KINDS.has(t.kind)) {
    throw new HarnessError(
      HarnessCodes.badMock,
      `cannot mock template "${t.name}": it is a ${t.kind} template, which runs no pod; mock the tasks inside it`,
    );
  }
  return t;
}

/**
 * Replaces a pod in a test. By template object (every call of the template, typed: the mock gets
 * the template's typed inputs and must return its typed outputs), by task name (`{ task: "load" }`,
 * untyped, or `{ task: "load", template: load }`, typed), or by task handle. Task mocks win over
 * template mocks.
 *
 * @example
 * ```ts
 * const r = await runWorkflow(etl, {
 *   mocks: [
 *     mock(extract, { partitions: ["a", "b", "c"] }),
 *     mock(transform, ({ partition }) => ({ rows: partition.length })),
 *     mock({ task: "load" }, (_in, { retry }) => (retry === 0 ? fail({ exitCode: 3 }) : {})),
 *   ],
 * });
 * ```
 */
export function mock<I, O, R>(template: Template<I, O, R>, impl: MockImpl<MockInputs<I>, MockOutputs<O, R>>): Mock;
export function mock<I, O, R>(
  target: { readonly task: string; readonly template: Template<I, O, R> },
  impl: MockImpl<MockInputs<I>, MockOutputs<O, R>>,
): Mock;
export function mock(
  target: { readonly task: string },
  impl: MockImpl<Readonly<Record<string, string>>, UntypedMockOutputs>,
): Mock;
export function mock<O, R>(
  task: Task<O, R>,
  impl: MockImpl<Readonly<Record<string, unknown>>, MockOutputs<O, R>>,
): Mock;
export function mock(target: unknown, impl: unknown): Mock {
  if (isTemplateValue(target))
    return Object.freeze({ target: { kind: "template", template: checkPodTemplate(templateInfo(target)) }, impl });
  if (isTaskValue(target)) {
    const t = taskInfo(target);
    return Object.freeze({ target: { kind: "task", task: t.name, template: checkPodTemplate(t.template) }, impl });
  }
  if (typeof target === "object" && target !== null && typeof (target as { task?: unknown }).task === "string") {
    const { task, template } = target as { task: string; template?: unknown };
    if (template !== undefined && !isTemplateValue(template))
      throw new HarnessError(
        HarnessCodes.badMock,
        `mock({ task: "${task}", template }): template is not a wfc template`,
      );
    return Object.freeze({
      target: {
        kind: "task",
        task,
        template: template === undefined ? undefined : checkPodTemplate(templateInfo(template)),
      },
      impl,
    });
  }
  throw new HarnessError(HarnessCodes.badMock, "mock() takes a template, a task handle, or { task: name, template? }");
}

/** The template names a mock target may match in a manifest (a `templateRef()` template runs under its referenced name). */
export function targetNames(t: TemplateInfo): readonly string[] {
  return t.refName && t.refName !== t.name ? [t.name, t.refName] : [t.name];
}
