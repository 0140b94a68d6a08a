import type { RetryStrategy, Template } from "@wfc/sdk/argo";
import type { Call } from "./call.js";
import { nodeBase } from "./call.js";
import { parseDurationMs } from "./duration.js";
import type { ExecOpts } from "./exec-opts.js";
import { substituteParams } from "./inputs.js";
import { podNameFor } from "./node-id.js";
import type { RunNode } from "./node-tree.js";
import { failedOrError } from "./node-tree.js";
import type { Scope } from "./subst.js";
import { evaluateExpression } from "./subst.js";
import { isPodType } from "./template-resolution.js";

/** Messages Argo treats as transient (`errorsutil.IsTransientErr`, with the default `TRANSIENT_ERROR_PATTERN` unset). */
const transient = [
  /exceeded quota/,
  /etcdserver: leader changed/,
  /connection reset by peer/,
  /connection refused/,
  /i\/o timeout/,
  /net\/http: TLS handshake timeout/,
  /too many requests/i,
  /Internal error occurred/,
  /the server is currently unable to handle the request/,
];

function durationOf(n: RunNode): number {
  if (!n.startedAt || !n.finishedAt) return 0;
  return (Date.parse(n.finishedAt) - Date.parse(n.startedAt)) / 1000;
}

/**
 * A template with a `retryStrategy`: a Retry node whose children `name(0)`, `name(1)`, ... are the
 * attempts (`processNodeRetries`): policy, `limit`, `expression` with `lastRetry.*`, and backoff
 * (`duration * factor^n`, `cap`, `maxDuration`) waited on the run's clock.
 */
export async function executeWithRetries(
  call: Call,
  nodeName: string,
  tmpl: Template,
  rs: RetryStrategy,
  local: Scope,
  executeKind: (call: Call, nodeName: string, tmpl: Template, opts: ExecOpts) => Promise<RunNode>,
): Promise<RunNode> {
  const { run, opts } = call;
  const retryNode =
    run.tree.byName(nodeName) ??
    run.tree.init(nodeName, { type: "Retry", phase: "Running", ...nodeBase(call, opts, tmpl) });
  const childFlag = { ...(opts.nodeFlag ?? {}), retried: true };
  const limit = rs.limit === undefined ? undefined : Number.parseInt(String(rs.limit), 10);
  const policy = rs.retryPolicy ?? "OnFailure";
  let maxDeadline: number | undefined;
  for (let attempt = 0; ; attempt++) {
    const last = attempt > 0 ? run.tree.lastRetryChild(retryNode) : undefined;
    const childName = `${nodeName}(${attempt})`;
    const lp: Scope = { ...local };
    if (isPodType(tmpl)) lp["pod.name"] = podNameFor(run.name, childName, tmpl.name ?? "");
    lp.retries = String(attempt);
    lp["lastRetry.exitCode"] = last?.outputs?.exitCode ?? "0";
    lp["lastRetry.duration"] = last ? String(durationOf(last)) : "0";
    lp["lastRetry.status"] = last?.phase ?? "";
    lp["lastRetry.message"] = last?.message ?? "";
    let attemptTmpl: Template;
    try {
      attemptTmpl = substituteParams(tmpl, run.globalScope(), lp);
    } catch (e) {
      return run.tree.mark(retryNode, "Error", (e as Error).message);
    }
    run.tree.addChild(nodeName, childName);
    const child = await executeKind(call, childName, attemptTmpl, {
      ...opts,
      nodeFlag: childFlag,
      ...(maxDeadline !== undefined ? { executionDeadline: maxDeadline } : {}),
    });
    if (child.daemoned && child.phase === "Running") {
      retryNode.daemoned = true;
      return run.tree.mark(retryNode, "Running");
    }
    if (!failedOrError(child.phase)) {
      run.tree.setOutputs(retryNode, child.outputs ? structuredClone(child.outputs) : undefined);
      return run.tree.mark(retryNode, child.phase);
    }
    const done = (message: string | undefined) => {
      run.tree.setOutputs(retryNode, child.outputs ? structuredClone(child.outputs) : undefined);
      return run.tree.mark(retryNode, child.phase, message);
    };
    if (run.stopped) return done(run.stopIsDeadline ? `retry exceeded workflow deadline` : run.stopMessage);
    const attempts = attempt + 1;
    let wait = 0;
    if (rs.backoff) {
      const b = rs.backoff;
      if (b.maxDuration) {
        const first = run.tree.get(retryNode.children?.[0] ?? "");
        maxDeadline = Date.parse(first?.startedAt ?? "") + parseDurationMs(b.maxDuration);
        if (run.clock.now() > maxDeadline) return done("Max duration limit exceeded");
      }
      if (!b.duration) return run.tree.mark(retryNode, "Error", "no base duration specified for retryStrategy");
      wait = parseDurationMs(b.duration);
      const factor = b.factor === undefined ? 0 : Number.parseInt(String(b.factor), 10);
      if (factor > 0) wait = wait * factor ** (attempts - 1);
      if (b.cap) wait = Math.min(wait, parseDurationMs(b.cap));
      const waitUntil = Date.parse(child.finishedAt ?? "") + wait;
      if (maxDeadline !== undefined && waitUntil > maxDeadline) return done("Backoff would exceed max duration limit");
    }
    let onFailed = false;
    let onError = false;
    switch (policy) {
      case "Always":
        onFailed = onError = true;
        break;
      case "OnError":
        onError = true;
        break;
      case "OnFailure":
        onFailed = true;
        break;
      case "OnTransientError":
        if (transient.some((r) => r.test(child.message ?? ""))) onFailed = onError = true;
        break;
      default:
        return run.tree.mark(retryNode, "Error", `${policy} is not a valid RetryPolicy`);
    }
    if ((child.phase === "Failed" && !onFailed) || (child.phase === "Error" && !onError))
      return done(child.message ?? "");
    if (limit !== undefined && attempts > limit) return done("No more retries left");
    if (rs.expression) {
      const scope: Scope = {
        retries: String(attempts - 1),
        "lastRetry.exitCode": child.outputs?.exitCode ?? "-1",
        "lastRetry.status": child.phase,
        "lastRetry.duration": String(durationOf(child)),
        "lastRetry.message": child.message ?? "",
      };
      let go: unknown;
      try {
        go = evaluateExpression(rs.expression, scope);
      } catch (e) {
        return run.tree.mark(retryNode, "Error", (e as Error).message);
      }
      if (go !== true) return done("retryStrategy.expression evaluated to false");
    }
    if (wait > 0) {
      run.tree.mark(retryNode, "Running", `Backoff for ${humanize(wait)}`);
      try {
        await run.clock.sleep(wait, run.stop.signal);
      } catch {
        return done(run.stopIsDeadline ? "retry exceeded workflow deadline" : run.stopMessage);
      }
      run.tree.mark(retryNode, "Running", "");
    }
  }
}

/** go-humanize's `Duration` as Argo prints backoffs ("10 seconds", "1 minute"). */
function humanize(ms: number): string {
  const s = Math.round(ms / 1000);
  const unit = (n: number, u: string) => `${n} ${u}${n === 1 ? "" : "s"}`;
  if (s < 60) return unit(s, "second");
  if (s < 3600) return unit(Math.floor(s / 60), "minute");
  if (s < 86400) return unit(Math.floor(s / 3600), "hour");
  return unit(Math.floor(s / 86400), "day");
}
