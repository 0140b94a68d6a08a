/**
 * A `resource` template against the run's in-memory {@link ObjectStore} (`--resources memory`),
 * following Argo: the controller adds the owner reference (`setOwnerReference`, operator.go's
 * `executeResource`), then argoexec runs `kubectl ACTION` as `getKubectlArguments` builds it,
 * waits for `successCondition`/`failureCondition` (`WaitResource`, re-checked whenever an object
 * changes), and reads output parameters with `jsonPath` (`SaveResourceParameters`).
 */
import { readFile } from "node:fs/promises";
import { parseK8sYaml } from "@wfc/sdk";
import type { Outputs, Parameter, ResourceTemplate, Template } from "@wfc/sdk/argo";
import jsonpatch from "fast-json-patch";
import { stageInputArtifacts } from "../artifacts.js";
import { refuseAfterFailure, withBoundarySlot } from "../boundary-slots.js";
import type { Call } from "../call.js";
import { nodeBase } from "../call.js";
import type { ExecOpts } from "../exec-opts.js";
import { addParamToGlobalScope } from "../global-outputs.js";
import { jqOutputs } from "../jq.js";
import { podNameFor } from "../node-id.js";
import type { RunNode } from "../node-tree.js";
import { appendLog } from "../run-dir.js";
import type { RunState } from "../run-state.js";
import { checkConditions, parseConditions, type Requirement } from "./conditions.js";
import { kubectlJsonPath } from "./kubectl-jsonpath.js";
import { mergePatch, strategicMergePatch } from "./merge-patch.js";
import type { K8sObject, ObjectRef, ObjectStore } from "./object-store.js";
import { registerPod, workflowOwnerRef } from "./run-objects.js";

/** Runs one resource template node (it is a pod in Argo: it takes a `parallelism` slot). */
export function executeResource(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  return withBoundarySlot(run, opts.boundaryID, async () => {
    const release = run.podSlots ? await run.podSlots.acquire() : undefined;
    try {
      if (release) refuseAfterFailure(run, opts.boundaryID);
      return await runResource(call, nodeName, tmpl, opts);
    } finally {
      release?.();
    }
  });
}

async function runResource(call: Call, nodeName: string, tmpl: Template, opts: ExecOpts): Promise<RunNode> {
  const { run } = call;
  const node =
    run.tree.byName(nodeName) ??
    run.tree.init(nodeName, { type: "Pod", phase: "Pending", ...nodeBase(call, opts, tmpl) });
  if (run.stopped && !opts.onExitTemplate) return run.tree.mark(node, "Failed", run.stopMessage);
  const store = run.resources;
  if (!store)
    return run.tree.mark(
      node,
      "Error",
      `template ${tmpl.name ?? ""} is a resource template: run with --resources memory`,
    );
  const podName = podNameFor(run.name, nodeName, tmpl.name ?? "");
  const pod = { name: podName, nodeName, nodeId: node.id, ...(opts.onExitTemplate ? { onExit: true } : {}) };
  registerPod(run, pod, "Running");
  run.tree.mark(node, "Running");
  const log = (line: string) => {
    appendLog(run, podName, line);
    run.options.onLog?.(nodeName, line, "stderr", "main");
  };
  const res = tmpl.resource as ResourceTemplate;
  const ac = new AbortController();
  const onStop = () => ac.abort();
  run.stop.signal.addEventListener("abort", onStop, { once: true });
  try {
    const manifest = await manifestText(run, tmpl, res, podName);
    const target = act(store, res, manifest, (tmpl.outputs?.parameters?.length ?? 0) > 0, log);
    let outputs: Outputs = { exitCode: "0" };
    if (target) {
      await waitFor(store, res, target, ac.signal, log, () => nothingElseActive(run, node.id));
      if (ac.signal.aborted) throw new Error(run.stopMessage ?? "Stopped");
      const params = await outputParameters(store, tmpl, target);
      if (params.length) outputs = { ...outputs, parameters: params };
    } else if (tmpl.outputs?.parameters?.length) {
      const params = (tmpl.outputs.parameters ?? []).map(
        (p): Parameter => ({ ...p, value: p.valueFrom?.default !== undefined ? String(p.valueFrom.default) : "" }),
      );
      outputs = { ...outputs, parameters: params };
    }
    for (const p of outputs.parameters ?? []) addParamToGlobalScope(run, p);
    node.podIP = "127.0.0.1";
    run.tree.setOutputs(node, outputs);
    registerPod(run, pod, "Succeeded");
    return run.tree.mark(node, "Succeeded", "");
  } catch (e) {
    const message = (e as Error).message;
    log(message);
    registerPod(run, pod, "Failed");
    run.tree.setOutputs(node, { exitCode: "1" });
    return run.tree.mark(node, "Failed", message);
  } finally {
    run.stop.signal.removeEventListener("abort", onStop);
  }
}

/** The manifest: the template's, or `manifestFrom` an input artifact; with the owner reference added. */
async function manifestText(run: RunState, tmpl: Template, res: ResourceTemplate, podName: string): Promise<string> {
  let text = res.manifest ?? "";
  const from = res.manifestFrom?.artifact?.name;
  if (from) {
    const art = tmpl.inputs?.artifacts?.find((a) => a.name === from);
    if (!art?.path) throw new Error(`manifestFrom: input artifact "${from}" with a path is required`);
    const staged = await run.io(stageInputArtifacts(run, tmpl, `${run.runDir}/pods/${podName}`));
    const file = staged.find((s) => s.containerPath === art.path);
    if (!file) throw new Error(`manifestFrom: input artifact "${from}" was not staged`);
    text = file.content ?? (await run.io(readFile(file.hostPath ?? "", "utf8")));
  }
  if (res.setOwnerReference) {
    const obj = parseOne(text) as K8sObject;
    obj.metadata ??= {};
    obj.metadata.ownerReferences = [...(obj.metadata.ownerReferences ?? []), workflowOwnerRef(run)];
    text = JSON.stringify(obj);
  }
  return text;
}

function parseOne(text: string): unknown {
  const docs = parseK8sYaml(text, "manifest").filter((d) => d !== null && d !== undefined);
  if (docs.length > 1)
    throw new Error(
      "the manifest holds more than one document (kubectl would act on each; the local runner takes one)",
    );
  return docs[0];
}

/** Flags as `getKubectlArguments` passes them: `TYPE NAME`, `TYPE/NAME`, `-n NS`, `--selector S`, `--ignore-not-found`. */
interface Flags {
  readonly positional: string[];
  readonly namespace?: string;
  readonly selector?: string;
}

function parseFlags(flags: readonly string[]): Flags {
  const positional: string[] = [];
  let namespace: string | undefined;
  let selector: string | undefined;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i] as string;
    const [k, v] = f.includes("=") ? [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)] : [f, undefined];
    if (k === "-n" || k === "--namespace") namespace = v ?? flags[++i];
    else if (k === "-l" || k === "--selector") selector = v ?? flags[++i];
    else if (k === "--ignore-not-found" || k === "--validate" || k === "--wait") continue;
    else if (f.startsWith("-"))
      throw new Error(`resource flag ${f} is not supported by the local runner (--resources memory)`);
    else positional.push(...f.split("/"));
  }
  return { positional, ...(namespace ? { namespace } : {}), ...(selector ? { selector } : {}) };
}

function refFromFlags(store: ObjectStore, flags: Flags): ObjectRef | undefined {
  const [type, name] = flags.positional;
  if (!type || !name) return undefined;
  return { type, name, namespace: flags.namespace ?? store.namespace };
}

/** Runs the action; the object it leaves (for conditions and outputs), or undefined (delete). */
function act(
  store: ObjectStore,
  res: ResourceTemplate,
  manifest: string,
  hasOutputs: boolean,
  log: (line: string) => void,
): ObjectRef | undefined {
  const action = res.action;
  const flags = parseFlags(res.flags ?? []);
  if (!manifest.trim() && !flags.positional.length && !flags.selector)
    throw new Error("Must provide at least one of flags or manifest.");
  if (action === "delete" && (res.successCondition || res.failureCondition || hasOutputs))
    throw new Error("successCondition, failureCondition and outputs are not supported for delete action");
  log(`kubectl ${action} ${(res.flags ?? []).join(" ")}`.trim());
  const withNs = (o: K8sObject): K8sObject =>
    flags.namespace ? { ...o, metadata: { ...o.metadata, namespace: flags.namespace } } : o;
  const done = (o: K8sObject): ObjectRef => {
    log(`Resource: ${o.metadata?.namespace ?? ""}/${store.resourceName(o)}/${o.metadata?.name ?? ""}`);
    return store.refOf(o);
  };
  switch (action) {
    case "create":
      return done(store.create(withNs(parseOne(manifest) as K8sObject)));
    case "apply":
      return done(store.apply(withNs(parseOne(manifest) as K8sObject), mergePatch));
    case "replace":
      return done(store.replace(withNs(parseOne(manifest) as K8sObject)));
    case "get": {
      const ref = refFromFlags(store, flags) ?? store.refOf(withNs(parseOne(manifest) as K8sObject));
      return done(store.get(ref));
    }
    case "delete": {
      if (flags.selector) {
        const [type] = flags.positional;
        if (!type) throw new Error("delete --selector needs a resource type in flags");
        const reqs = parseConditions(flags.selector);
        const ns = flags.namespace ?? store.namespace;
        for (const o of store.select(type, ns, (x) => reqs.every((r) => labelMatches(r, x)))) {
          store.delete(store.refOf(o));
          log(`${store.resourceName(o)}/${o.metadata?.name ?? ""} deleted`);
        }
        return undefined;
      }
      const ref = refFromFlags(store, flags) ?? store.refOf(withNs(parseOne(manifest) as K8sObject));
      if (store.delete(ref)) log(`${ref.type}/${ref.name} deleted`);
      return undefined;
    }
    case "patch": {
      const strategy = res.mergeStrategy || "strategic";
      const patch = parseOne(manifest);
      const fromFlags = refFromFlags(store, flags);
      const hasKind = (patch as K8sObject | undefined)?.kind !== undefined;
      const ref =
        strategy === "json" || (flags.positional.length && !hasKind)
          ? fromFlags
          : store.refOf(withNs(patch as K8sObject));
      if (!ref)
        throw new Error(`patch: name the object in flags (TYPE NAME) or give a manifest with kind and metadata.name`);
      const patched = store.patch(ref, (existing) => {
        if (strategy === "json") {
          if (!Array.isArray(patch)) throw new Error("a json patch (mergeStrategy: json) is a list of operations");
          return jsonpatch.applyPatch(existing, patch as jsonpatch.Operation[], true, false).newDocument;
        }
        if (strategy === "merge") return mergePatch(existing, patch) as K8sObject;
        if (strategy === "strategic") return strategicMergePatch(existing, patch) as K8sObject;
        throw new Error(`unknown mergeStrategy ${strategy} (strategic, merge or json)`);
      });
      return done(patched);
    }
    default:
      throw new Error(`resource action ${String(action)} is not one of get, create, apply, delete, replace, patch`);
  }
}

/** `--selector` on metadata.labels (the requirement's key is a label key there, not a path). */
function labelMatches(r: Requirement, o: K8sObject): boolean {
  const labels = o.metadata?.labels ?? {};
  const has = Object.hasOwn(labels, r.key);
  const v = labels[r.key] ?? "";
  switch (r.op) {
    case "=":
    case "==":
    case "in":
      return has && r.values.includes(v);
    case "!=":
    case "notin":
      return !has || !r.values.includes(v);
    case "exists":
      return has;
    case "!":
      return !has;
    default:
      return (
        has &&
        /^-?\d+$/.test(v) &&
        (r.op === ">" ? BigInt(v) > BigInt(r.values[0] ?? "0") : BigInt(v) < BigInt(r.values[0] ?? "0"))
      );
  }
}

/** `WaitResource`: until a failure condition holds (error), every success requirement holds, or a stop. */
async function waitFor(
  store: ObjectStore,
  res: ResourceTemplate,
  ref: ObjectRef,
  signal: AbortSignal,
  log: (line: string) => void,
  stuck: () => boolean,
): Promise<void> {
  if (!res.successCondition && !res.failureCondition) return;
  const parse = (what: string, s: string | undefined) => {
    if (!s) return [];
    try {
      return parseConditions(s);
    } catch (e) {
      throw new Error(`${what} condition '${s}' failed to parse: ${(e as Error).message}`);
    }
  };
  const success = parse("success", res.successCondition);
  const failure = parse("fail", res.failureCondition);
  log(
    `Waiting for conditions: ${res.successCondition ?? ""} ${res.failureCondition ? `(failing for ${res.failureCondition})` : ""}`.trim(),
  );
  while (!signal.aborted) {
    const change = store.nextChange(signal);
    let obj: K8sObject;
    try {
      obj = store.get(ref);
    } catch (e) {
      throw new Error(
        `The resource has been deleted while its status was still being checked. Will not be retried: ${(e as Error).message}`,
      );
    }
    const r = checkConditions(obj, success, failure);
    if ("failed" in r) throw new Error(r.failed);
    if (r.done) return;
    // Nothing reconciles a local store: with no other node active, no change can come (on a
    // cluster a controller would move the object's status); say so instead of waiting forever.
    let idle = 0;
    for (;;) {
      const woke = await Promise.race([change.then(() => true), delay(STUCK_CHECK_MS).then(() => false)]);
      if (woke || signal.aborted) break;
      idle = stuck() ? idle + 1 : 0;
      if (idle >= 2)
        throw new Error(
          `Neither success condition nor the failure condition has been matched, and nothing else in this run is running that could change ${ref.type}/${ref.name} (nothing reconciles objects in a local run's store)`,
        );
    }
  }
}

const STUCK_CHECK_MS = 250;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Node types whose activity can change the store (pods register, resource templates act, suspends and retries lead to more). */
const ACTIVE_TYPES = new Set(["Pod", "Suspend", "Retry", "HTTP", "Container"]);

/** Whether no other node of the run is Pending or Running (daemons aside). */
function nothingElseActive(run: RunState, self: string): boolean {
  for (const n of run.tree.nodes.values()) {
    if (n.id === self || n.daemoned || n.children?.includes(self)) continue;
    if ((n.phase === "Running" || n.phase === "Pending") && ACTIVE_TYPES.has(n.type)) return false;
  }
  return true;
}

/** `SaveResourceParameters`: `jsonPath` through kubectl's jsonpath printer, `jqFilter` through jq. */
async function outputParameters(store: ObjectStore, tmpl: Template, ref: ObjectRef): Promise<Parameter[]> {
  const out: Parameter[] = [];
  for (const p of tmpl.outputs?.parameters ?? []) {
    const vf = p.valueFrom;
    if (!vf) continue;
    if (vf.jsonPath) out.push({ ...p, value: kubectlJsonPath(vf.jsonPath, store.get(ref)) });
    else if (vf.jqFilter) out.push({ ...p, value: await jqFilter(store.get(ref), vf.jqFilter, p.name) });
  }
  return out;
}

/**
 * Argo's executor `jqFilter` (workflow/executor/resource.go): every output of the filter over the
 * object, a string as itself and anything else as Go's `json.Marshal` writes it (keys sorted,
 * `<`, `>`, `&` escaped), one per line, trimmed. gojq there; jq compiled to WebAssembly here.
 */
async function jqFilter(object: object, filter: string, name: string): Promise<string> {
  let outputs: unknown[];
  try {
    outputs = await jqOutputs(object, filter);
  } catch (e) {
    throw new Error(`output parameter ${name}: jqFilter ${JSON.stringify(filter)} failed: ${(e as Error).message}`);
  }
  return outputs
    .map((v) => (typeof v === "string" ? v : goJson(v)))
    .join("\n")
    .trim();
}

/** `json.Marshal` of a decoded JSON value: object keys sorted, HTML characters escaped. */
function goJson(v: unknown): string {
  const sorted = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sorted)
      : x !== null && typeof x === "object"
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, sorted((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(sorted(v))
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}
