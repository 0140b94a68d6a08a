/**
 * The harness's executor: answers pods from the test's mocks, and hands every other pod to the
 * runner's own executors (node scripts in-process, containers on the given engine). It records
 * every pod it sees, in order, for the result.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";
import type { Template } from "@wfc/sdk/argo";
import type { Clock } from "../clock.js";
import type { Executor, PodRequest, PodResult } from "../executor.js";
import { HarnessCodes, HarnessError } from "./errors.js";
import type { TemplateInfo } from "./introspect.js";
import { isFailure, type Mock, type MockArtifactInput, type MockContext, targetNames } from "./mock.js";
import { checkValue, decodeValue, encodeValue } from "./values.js";

/**
 * One pod attempt the harness saw: which node, which attempt, whether a mock answered it.
 *
 * @example
 * ```ts
 * expect(run.pods.filter((p) => p.templateName === "flaky").map((p) => p.retry)).toEqual([0, 1, 2]);
 * ```
 */
export interface PodRecord {
  readonly nodeId: string;
  readonly nodeName: string;
  readonly templateName: string;
  readonly taskName: string | undefined;
  readonly retry: number;
  /** Whether a mock answered it. */
  readonly mocked: boolean;
  /** Position in the run's sequence of events when it started / ended. */
  readonly start: number;
  end: number | undefined;
  /** Its whole stdout (what Argo's `outputs.result` is made from). */
  stdout: string | undefined;
}

/** A monotonic counter shared by everything that orders a run's events. */
export interface Sequence {
  next(): number;
}

/** Strips a loop suffix: `transform(0:a)` -> `transform`. */
export function baseTaskName(name: string | undefined): string | undefined {
  return name?.replace(/\(\d+:.*\)$/, "");
}

function describe(m: Mock): string {
  return m.target.kind === "template" ? `template "${m.target.template.name}"` : `task "${m.target.task}"`;
}

/** The mock that answers a request: a task mock first, then a template mock. */
export function findMock(mocks: readonly Mock[], templateName: string, taskName: string | undefined): Mock | undefined {
  const task = baseTaskName(taskName);
  let byTemplate: Mock | undefined;
  for (const m of mocks) {
    const t = m.target;
    if (t.kind === "task") {
      if (t.task === task && (!t.template || targetNames(t.template).includes(templateName))) return m;
    } else if (!byTemplate && targetNames(t.template).includes(templateName)) byTemplate = m;
  }
  return byTemplate;
}

/** Options of {@link HarnessExecutor}. */
export interface HarnessExecutorOptions {
  readonly mocks: readonly Mock[];
  /** Runs what no mock answers. */
  readonly fallback: Executor;
  readonly clock: Clock;
  readonly sequence: Sequence;
}

/** Answers pods from mocks, or passes them on. */
export class HarnessExecutor implements Executor {
  readonly pods: PodRecord[] = [];
  /** Mistakes in the test's mocks (a wrong shape, an exception): `runWorkflow` rejects with the first. */
  readonly problems: Error[] = [];
  private readonly calls = new Map<Mock, number>();

  constructor(readonly options: HarnessExecutorOptions) {}

  async run(req: PodRequest): Promise<PodResult> {
    const m = findMock(this.options.mocks, req.templateName, req.taskName);
    const record: PodRecord = {
      nodeId: req.nodeId,
      nodeName: req.nodeName,
      templateName: req.templateName,
      taskName: req.taskName,
      retry: req.retry,
      mocked: m !== undefined,
      start: this.options.sequence.next(),
      end: undefined,
      stdout: undefined,
    };
    this.pods.push(record);
    let result: PodResult;
    try {
      result = m ? await this.answer(m, req) : await this.options.fallback.run(req);
    } finally {
      record.end = this.options.sequence.next();
    }
    record.stdout = result.stdout;
    return result;
  }

  async close(): Promise<void> {
    await this.options.fallback.close?.();
  }

  private async answer(m: Mock, req: PodRequest): Promise<PodResult> {
    const call = (this.calls.get(m) ?? 0) + 1;
    this.calls.set(m, call);
    const info = m.target.template;
    const context: MockContext = {
      retry: req.retry,
      call,
      nodeName: req.nodeName,
      templateName: req.templateName,
      taskName: req.taskName,
      request: req,
      log: (line) => req.onLog(line, "stdout", "main"),
      sleep: (ms) => this.options.clock.sleep(ms, req.signal),
    };
    let answer: unknown;
    try {
      const inputs = mockInputs(req, info);
      const impl = m.impl;
      const pending =
        typeof impl === "function" ? (impl as (i: unknown, c: MockContext) => unknown)(inputs, context) : impl;
      answer = await untilAborted(Promise.resolve(pending), req.signal);
    } catch (e) {
      if (req.signal.aborted) return { exitCode: 137, stdout: "", phase: "Failed", message: abortMessage(req.signal) };
      const err = e instanceof Error ? e : new Error(String(e));
      this.problems.push(err);
      return { exitCode: 1, stdout: "", phase: "Error", message: `the mock of ${describe(m)} threw: ${err.message}` };
    }
    if (isFailure(answer)) {
      return {
        exitCode: answer.exitCode,
        stdout: answer.stdout,
        phase: answer.phase,
        ...(answer.message !== undefined ? { message: answer.message } : {}),
      };
    }
    try {
      return await mockOutputs(req, info, answer, describe(m));
    } catch (e) {
      const err = e as Error;
      this.problems.push(err);
      return { exitCode: 1, stdout: "", phase: "Error", message: err.message };
    }
  }
}

function abortMessage(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  return r instanceof Error ? r.message : typeof r === "string" ? r : "stopped";
}

function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/** The inputs a mock receives: decoded by the template's schemas when it has one, strings otherwise. */
function mockInputs(req: PodRequest, info: TemplateInfo | undefined): Record<string, unknown> {
  const t = req.template;
  const inputs: Record<string, unknown> = {};
  for (const p of t.inputs?.parameters ?? []) {
    const text = p.value ?? p.default ?? "";
    const decl = info?.inputs.parameters.find((d) => d.name === p.name);
    if (!decl) {
      inputs[p.name] = text;
      continue;
    }
    const d = decodeValue(text, decl.schema);
    if (!d.ok)
      throw new HarnessError(
        HarnessCodes.badOutput,
        `input "${p.name}" of template "${req.templateName}" (node ${req.nodeName}): ${JSON.stringify(text)} is not a valid value: ${d.why}`,
      );
    inputs[p.name] = d.value;
  }
  for (const a of t.inputs?.artifacts ?? []) {
    const key = info?.inputs.artifacts.find((d) => d.name === a.name)?.key ?? a.name;
    const path = a.path ?? "";
    const staged = req.stage.find((s) => s.containerPath === path);
    const input: MockArtifactInput = {
      path,
      hostPath: staged?.hostPath,
      read: async () => {
        if (staged?.content !== undefined) return staged.content;
        if (staged?.hostPath) return readFile(staged.hostPath, "utf8");
        throw new HarnessError(
          HarnessCodes.noOutput,
          `input artifact "${a.name}" of node ${req.nodeName} was not staged`,
        );
      },
    };
    inputs[key] = input;
  }
  return inputs;
}

/** Turns a mock's outputs into the pod's result: parameters set directly, artifacts written where the runner collects them. */
async function mockOutputs(
  req: PodRequest,
  info: TemplateInfo | undefined,
  answer: unknown,
  who: string,
): Promise<PodResult> {
  const t: Template = req.template;
  const bad = (why: string) =>
    new HarnessError(HarnessCodes.badMockOutput, `the mock of ${who} (node ${req.nodeName}): ${why}`);
  if (answer === undefined || answer === null) answer = {};
  if (typeof answer !== "object" || Array.isArray(answer))
    throw bad(`returned ${JSON.stringify(answer)}; a mock returns an object of outputs or fail(...)`);
  const given = answer as Record<string, unknown>;
  const declaredParams = t.outputs?.parameters ?? [];
  const declaredArts = t.outputs?.artifacts ?? [];
  const artKey = (name: string) => info?.outputs.artifacts.find((a) => a.name === name)?.key ?? name;
  const known = new Set<string>([
    "result",
    ...declaredParams.map((p) => p.name),
    ...declaredArts.map((a) => artKey(a.name)),
  ]);
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length) {
    const declared = [...known].filter((k) => k !== "result").join(", ") || "none";
    throw bad(
      `returned undeclared output${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} (declared: ${declared})`,
    );
  }
  const parameters: Record<string, string> = {};
  for (const p of declaredParams) {
    const value = given[p.name];
    if (value === undefined) {
      if (p.valueFrom?.default === undefined && p.value === undefined && p.valueFrom?.path !== undefined)
        throw bad(`returned no value for output parameter "${p.name}"`);
      continue;
    }
    const schema = info?.outputs.parameters.find((d) => d.name === p.name)?.schema;
    const c = checkValue(value, schema);
    if (!c.ok) throw bad(`output "${p.name}": ${JSON.stringify(value)} ${c.why}`);
    parameters[p.name] = encodeValue(c.value);
  }
  for (const a of declaredArts) {
    if (!a.path) continue;
    const value = given[artKey(a.name)];
    if (value === undefined && a.optional) continue;
    const target = req.collect.find((c) => c.containerPath === a.path);
    if (!target) continue;
    await writeArtifact(target.hostPath, value ?? "", bad);
  }
  let stdout = "";
  if (given.result !== undefined) {
    const c = checkValue(given.result, info?.result);
    if (!c.ok) throw bad(`result: ${JSON.stringify(given.result)} ${c.why}`);
    stdout = encodeValue(c.value);
  }
  return { exitCode: 0, stdout, phase: "Succeeded", ...(Object.keys(parameters).length ? { parameters } : {}) };
}

async function writeArtifact(hostPath: string, value: unknown, bad: (why: string) => Error): Promise<void> {
  if (typeof value === "string") {
    await mkdir(dirname(hostPath), { recursive: true });
    await writeFile(hostPath, value);
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw bad(
      `an output artifact is a string (a file) or { "file": "content" } (a directory), not ${JSON.stringify(value)}`,
    );
  await mkdir(hostPath, { recursive: true });
  for (const [file, content] of Object.entries(value as Record<string, unknown>)) {
    const rel = normalize(file);
    if (rel.startsWith("..") || rel.startsWith("/")) throw bad(`artifact file "${file}" is outside the artifact`);
    if (typeof content !== "string") throw bad(`artifact file "${file}" must be a string`);
    const path = join(hostPath, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}
