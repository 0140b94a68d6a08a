import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Outputs, Template } from "@wfc/sdk/argo";
import { parseDurationMs } from "./duration.js";
import type { NodeType, RunNode } from "./node-tree.js";
import { rfc3339 } from "./rfc3339.js";
import type { RunState } from "./run-state.js";
import { templateType } from "./template-resolution.js";

interface Entry {
  readonly nodeID: string;
  readonly outputs?: Outputs;
  readonly creationTimestamp: string;
  readonly lastHitTimestamp: string;
}

/**
 * Where memoized outputs live (one directory per cache ConfigMap name): `options.cacheDir`; else
 * `.wfc/cache` for runs in the default run directory, and `<runDir>/cache` (this run only) when
 * the caller chose the run directory (tests and harnesses do not share a cache by accident).
 */
export function cacheDir(run: RunState): string {
  return run.options.cacheDir ?? (run.options.runDir === undefined ? join(".wfc", "cache") : join(run.runDir, "cache"));
}

function entryFile(run: RunState, cacheName: string, key: string): string {
  return join(cacheDir(run), cacheName, `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.json`);
}

/** `GetNodeType` (without the Retry case): the node type a template's own node has. */
export function nodeTypeOf(t: Template): NodeType {
  const k = templateType(t);
  return k === "DAG" ? "DAG" : k === "Steps" ? "Steps" : k === "Suspend" ? "Suspend" : k === "HTTP" ? "HTTP" : "Pod";
}

/**
 * `memoize`: a hit (within `maxAge`) makes a Succeeded node with the cached outputs and
 * `memoizationStatus.hit`; a miss runs the template and saves its outputs when it succeeds.
 */
export async function withMemoization(
  run: RunState,
  nodeName: string,
  t: Template,
  base: Record<string, unknown>,
  fn: () => Promise<RunNode>,
): Promise<RunNode> {
  const m = t.memoize;
  if (!m) return fn();
  const cacheName = m.cache?.configMap?.name ?? "default";
  const status = { key: m.key, cacheName };
  const file = entryFile(run, cacheName, m.key);
  let entry: Entry | undefined;
  try {
    entry = JSON.parse(await run.io(readFile(file, "utf8"))) as Entry;
  } catch {
    entry = undefined;
  }
  if (entry && m.maxAge) {
    const age = run.clock.now() - Date.parse(entry.creationTimestamp);
    if (age > parseDurationMs(m.maxAge)) entry = undefined;
  }
  if (entry) {
    const waited = run.tree.byName(nodeName);
    const node = waited
      ? run.tree.mark(waited, "Succeeded")
      : run.tree.init(nodeName, { type: nodeTypeOf(t), phase: "Succeeded", ...base });
    node.memoizationStatus = { ...status, hit: true };
    run.tree.setOutputs(node, entry.outputs);
    return node;
  }
  const node = await fn();
  node.memoizationStatus = { ...status, hit: false };
  run.tree.touch(node);
  if (node.phase === "Succeeded") {
    const now = rfc3339(run.clock.now());
    const save: Entry = {
      nodeID: node.id,
      ...(node.outputs ? { outputs: node.outputs } : {}),
      creationTimestamp: now,
      lastHitTimestamp: now,
    };
    await run.io(
      (async () => {
        await mkdir(join(cacheDir(run), cacheName), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(save));
        await rename(tmp, file);
      })(),
    );
  }
  return node;
}
