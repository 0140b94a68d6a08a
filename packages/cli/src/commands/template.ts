/**
 * `wfc template` and `wfc cluster-template`: list, get and delete WorkflowTemplates and
 * ClusterWorkflowTemplates (the objects `wfc apply` creates), as `argo template|cluster-template`.
 */
import type { ArgoKind, KubeObject } from "@wfc/client";
import type { Command } from "commander";
import { between, formatObjects, table } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";

interface TemplateOptions extends ClusterOptions {
  readonly output?: OutputFormat;
  readonly selector?: string;
  readonly allNamespaces?: boolean;
  readonly ignoreNotFound?: boolean;
}

function register(program: Command, command: string, kind: ArgoKind, plural: string, namespaced: boolean): void {
  const group = program.command(command).description(`manage ${kind}s: list, get, delete`);
  const list = group
    .command("list")
    .description(`list ${kind}s`)
    .option("-l, --selector <selector>", "label selector, e.g. team=data")
    .addOption(outputOption());
  if (namespaced) list.option("-A, --all-namespaces", "list across all namespaces");
  addClusterOptions(list);
  list.action(async (opts: TemplateOptions) => {
    const client = await clientFrom(opts);
    const items = await client.list<KubeObject>(kind, {
      ...(opts.selector ? { labelSelector: opts.selector } : {}),
      ...(opts.allNamespaces ? { allNamespaces: true } : {}),
    });
    if (opts.output) return void process.stdout.write(formatObjects(items, opts.output, true));
    if (!items.length)
      return void process.stderr.write(
        `No ${plural} found${namespaced && !opts.allNamespaces ? ` in namespace ${client.namespace}` : ""}.\n`,
      );
    const ns = namespaced && !!opts.allNamespaces;
    process.stdout.write(
      table([
        [...(ns ? ["NAMESPACE"] : []), "NAME", "AGE"],
        ...items.map((o) => [
          ...(ns ? [o.metadata?.namespace ?? ""] : []),
          o.metadata?.name ?? "",
          between(o.metadata?.creationTimestamp, undefined),
        ]),
      ]),
    );
  });

  const get = group
    .command("get")
    .description(`show ${kind}s`)
    .argument("<names...>", `${kind} names`)
    .addOption(outputOption());
  addClusterOptions(get);
  get.action(async (names: string[], opts: TemplateOptions) => {
    const client = await clientFrom(opts);
    const objs = [];
    for (const n of names) objs.push(await client.get<KubeObject>(kind, n));
    if (opts.output) return void process.stdout.write(formatObjects(objs, opts.output));
    for (const o of objs) {
      const spec = (o.spec ?? {}) as {
        entrypoint?: string;
        templates?: { name?: string }[];
        arguments?: { parameters?: { name?: string; value?: unknown }[] };
      };
      const rows: [string, string][] = [
        ["Name:", o.metadata?.name ?? ""],
        ...(namespaced ? ([["Namespace:", o.metadata?.namespace ?? ""]] as [string, string][]) : []),
        ["Created:", o.metadata?.creationTimestamp ?? ""],
        ["Entrypoint:", spec.entrypoint ?? ""],
        ["Templates:", (spec.templates ?? []).map((t) => t.name).join(", ")],
        [
          "Parameters:",
          (spec.arguments?.parameters ?? [])
            .map((p) => `${p.name}=${p.value === undefined ? "" : String(p.value)}`)
            .join(", "),
        ],
      ];
      process.stdout.write(table(rows));
    }
  });

  const del = group
    .command("delete")
    .description(`delete ${kind}s`)
    .argument("[names...]", `${kind} names`)
    .option("--all", `delete every ${kind}${namespaced ? " in the namespace" : ""}`)
    .option("--ignore-not-found", "treat objects that do not exist as deleted");
  addClusterOptions(del);
  del.action(async (names: string[], opts: TemplateOptions & { readonly all?: boolean }) => {
    const { ClusterError } = await import("@wfc/client");
    const { ClusterInputError } = await import("../cluster/errors.js");
    const client = await clientFrom(opts);
    if (!names.length && !opts.all) throw new ClusterInputError(`give ${kind} names, or --all`);
    const targets = opts.all ? (await client.list<KubeObject>(kind)).map((o) => o.metadata?.name ?? "") : names;
    let failed = 0;
    for (const n of targets) {
      try {
        await client.delete(kind, n);
        process.stdout.write(`${kind.toLowerCase()}.argoproj.io "${n}" deleted\n`);
      } catch (err) {
        if (opts.ignoreNotFound && err instanceof ClusterError && err.code === "NotFound") continue;
        if (targets.length === 1) throw err;
        process.stderr.write(`error: ${(err as Error).message}\n`);
        failed++;
      }
    }
    if (failed)
      throw new ClusterInputError(`${failed} of ${targets.length} ${plural} could not be deleted (see above)`);
  });
}

/**
 * Registers `wfc template`.
 *
 * @example
 * ```ts
 * registerTemplate(program); // wfc template list
 * ```
 */
export function registerTemplate(program: Command): void {
  register(program, "template", "WorkflowTemplate", "workflowtemplates", true);
}

/**
 * Registers `wfc cluster-template`.
 *
 * @example
 * ```ts
 * registerClusterTemplate(program); // wfc cluster-template get build
 * ```
 */
export function registerClusterTemplate(program: Command): void {
  register(program, "cluster-template", "ClusterWorkflowTemplate", "clusterworkflowtemplates", false);
}
