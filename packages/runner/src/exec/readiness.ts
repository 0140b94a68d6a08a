/**
 * A daemon container's `readinessProbe`, run by the runner as the kubelet would: the first check
 * after `initialDelaySeconds`, then every `periodSeconds` (default 10), each bounded by
 * `timeoutSeconds` (default 1), ready after `successThreshold` successes in a row (default 1).
 * Argo marks a daemon node daemoned only once its pod is Running and every container is ready
 * (operator.go, `PodRunning`), so the node waits here. `exec` runs the command in the container
 * (`engine exec`); `tcpSocket` and `httpGet` connect from this machine to the container's address
 * (the probe's `host`, else the container's IP). `grpc` is refused.
 */
import { connect } from "node:net";
import type { Probe, UserContainer } from "@wfc/sdk/argo";

/** What a probe needs from the pod. */
export interface ProbeTarget {
  /** The container's IP, when the engine gives one. */
  readonly ip: string | undefined;
  /** Runs a command in the container; resolves with its exit code. */
  readonly exec: (command: readonly string[], timeoutMs: number) => Promise<number>;
  /** Resolves when the container ends (the daemon is then not ready, ever). */
  readonly ended: Promise<unknown>;
  readonly signal: AbortSignal;
  /** A line for the pod's log. */
  readonly log: (line: string) => void;
}

/** Why a daemon never became ready. */
export class NotReady extends Error {}

function port(p: number | string, c: Pick<UserContainer, "ports">): number {
  if (typeof p === "number" || /^\d+$/.test(p)) return Number(p);
  const named = c.ports?.find((x) => x.name === p);
  if (!named) throw new NotReady(`readinessProbe: the container has no port named ${p}`);
  return named.containerPort;
}

function tcpCheck(host: string, p: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port: p, timeout: timeoutMs });
    const end = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once("connect", () => end(true));
    s.once("timeout", () => end(false));
    s.once("error", () => end(false));
  });
}

async function httpCheck(url: string, headers: Record<string, string>, timeoutMs: number): Promise<boolean> {
  try {
    const r = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    await r.body?.cancel();
    return r.status >= 200 && r.status < 400;
  } catch {
    return false;
  }
}

/** One check of the probe. */
async function check(probe: Probe, c: Pick<UserContainer, "ports">, t: ProbeTarget): Promise<boolean> {
  const timeoutMs = Math.max(1, probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) return (await t.exec(probe.exec.command ?? [], timeoutMs)) === 0;
  const host = probe.tcpSocket?.host ?? probe.httpGet?.host ?? t.ip;
  if (probe.tcpSocket || probe.httpGet) {
    if (!host)
      throw new NotReady(
        "readinessProbe: the container has no IP address this machine can reach (use an exec probe, or the engine's default network)",
      );
  }
  if (probe.tcpSocket) return tcpCheck(host as string, port(probe.tcpSocket.port, c), timeoutMs);
  if (probe.httpGet) {
    const g = probe.httpGet;
    const scheme = (g.scheme ?? "HTTP").toLowerCase();
    const path = g.path ?? "/";
    const headers = Object.fromEntries((g.httpHeaders ?? []).map((h) => [h.name, h.value]));
    return httpCheck(
      `${scheme}://${host}:${port(g.port, c)}${path.startsWith("/") ? path : `/${path}`}`,
      headers,
      timeoutMs,
    );
  }
  throw new NotReady("readinessProbe: only exec, tcpSocket and httpGet probes run locally (grpc does not)");
}

function sleep(ms: number, signal: AbortSignal, ended: Promise<unknown>): Promise<"slept" | "ended" | "aborted"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done("slept"), ms);
    const onAbort = () => done("aborted");
    const done = (why: "slept" | "ended" | "aborted") => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(why);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    void ended.then(() => done("ended"));
  });
}

/**
 * Resolves when the probe has passed `successThreshold` times in a row; rejects with
 * {@link NotReady} when the container ends first or the probe cannot run; resolves false when
 * the pod is stopped.
 *
 * @example
 * ```ts
 * await waitReady({ tcpSocket: { port: 80 }, periodSeconds: 1 }, container, target);
 * ```
 */
export async function waitReady(probe: Probe, c: Pick<UserContainer, "ports">, t: ProbeTarget): Promise<boolean> {
  const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  const needed = Math.max(1, probe.successThreshold ?? 1);
  let wait = Math.max(0, probe.initialDelaySeconds ?? 0) * 1000;
  let ok = 0;
  let failures = 0;
  for (;;) {
    const why = await sleep(wait, t.signal, t.ended);
    if (why === "aborted") return false;
    if (why === "ended") throw new NotReady("the daemon's container ended before its readinessProbe succeeded");
    if (await check(probe, c, t)) {
      ok++;
      if (ok >= needed) return true;
    } else {
      ok = 0;
      failures++;
      if (failures === (probe.failureThreshold ?? 3)) t.log("readinessProbe failed: the daemon is not ready yet");
    }
    wait = period;
  }
}
