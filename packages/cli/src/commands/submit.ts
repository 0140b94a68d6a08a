/**
 * `wfc submit`: compile (if needed) and create a Workflow, optionally watching
 * it run (`--watch`) or waiting for it (`--wait`).
 */

import type { KubeObject, WorkflowClient } from "@wfc/client";
import type { ArgoVersion } from "@wfc/sdk";
import { type Command, Option } from "commander";
import { argoVersionOption } from "../argo-version-option.js";
import { ClusterInputError } from "../cluster/errors.js";
import { formatObjects, objectName } from "../cluster/format.js";
import {
  addClusterOptions,
  type ClusterOptions,
  clientFrom,
  type OutputFormat,
  outputOption,
} from "../cluster/options.js";
import { collectParameter } from "../cluster/params.js";
import { waitForWorkflow } from "../cluster/wait.js";
import { printWarning } from "../cluster/warnings.js";
import type { LoadedManifest } from "../load.js";

/** Parsed options of `wfc submit`. */
interface SubmitOptions extends ClusterOptions {
  readonly parameter: Record<string, string>;
  readonly from?: string;
  readonly dryRun?: "client" | "server";
  readonly output?: OutputFormat;
  readonly watch?: boolean;
  readonly wait?: boolean;
  readonly name?: string;
  readonly generateName?: string;
  readonly argoVersion: ArgoVersion;
}

type Manifest = {
  kind: string;
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  spec: Record<string, unknown>;
};

function label(m: KubeObject): string {
  return String(m.metadata?.name ?? m.metadata?.generateName ?? "?");
}

async function fromFile(
  file: string,
  which: string | undefined,
  overrides: Record<string, string>,
): Promise<{ manifest: Manifest; source: LoadedManifest }> {
  const [{ loadManifests }, { applyParameterOverrides }] = await Promise.all([
    import("../load.js"),
    import("@wfc/sdk"),
  ]);
  const { withConfiguredRegistry } = await import("../config/image-registry.js");
  const loaded = await withConfiguredRegistry(await loadManifests([file]));
  const workflows = loaded.filter((l) => l.manifest.kind === "Workflow");
  if (workflows.length === 0) {
    const kinds = [...new Set(loaded.map((l) => l.manifest.kind))].join(", ") || "nothing";
    throw new ClusterInputError(
      `${file} has no Workflow (found ${kinds}); use wfc apply for templates, or wfc submit --from workflowtemplate/NAME`,
    );
  }
  let chosen = workflows[0]!;
  if (which) {
    const m = workflows.find((l) => {
      const meta = (l.manifest.metadata ?? {}) as { name?: string; generateName?: string };
      return meta.name === which || meta.generateName === which || meta.generateName === `${which}-`;
    });
    if (!m)
      throw new ClusterInputError(
        `${file} has no Workflow named "${which}" (found: ${workflows.map((l) => label(l.manifest as KubeObject)).join(", ")})`,
      );
    chosen = m;
  } else if (workflows.length > 1) {
    throw new ClusterInputError(
      `${file} has ${workflows.length} Workflows (${workflows.map((l) => label(l.manifest as KubeObject)).join(", ")}); name the one to submit: wfc submit ${file} NAME`,
    );
  }
  const manifest = chosen.manifest as unknown as Manifest;
  return {
    manifest: Object.keys(overrides).length ? applyParameterOverrides(manifest, overrides, chosen.workflow) : manifest,
    source: chosen,
  };
}

/** The declared parameters that have no value (Argo requires them at submit). */
function missingParameters(declared: Readonly<Record<string, unknown>>, overrides: Record<string, string>): string[] {
  const params = (declared.parameters ?? []) as { name?: string; value?: unknown; valueFrom?: unknown }[];
  return params
    .filter((p) => p.name && p.value === undefined && p.valueFrom === undefined && !(p.name in overrides))
    .map((p) => p.name!);
}

async function fromCluster(client: WorkflowClient, ref: string, overrides: Record<string, string>): Promise<Manifest> {
  const [{ workflowFrom }, { applyParameterOverrides }] = await Promise.all([
    import("@wfc/client"),
    import("@wfc/sdk"),
  ]);
  const { workflow, declaredArguments } = await workflowFrom(client, ref);
  const missing = missingParameters(declaredArguments, overrides);
  if (missing.length)
    throw new ClusterInputError(
      `${ref} has required parameter${missing.length === 1 ? "" : "s"} without a default: give ${missing.map((n) => `-p ${n}=VALUE`).join(" ")}`,
    );
  const wf = workflow as unknown as Manifest;
  if (!Object.keys(overrides).length) return wf;
  // check the overrides against the parameters the template declares
  const checked = applyParameterOverrides(
    { kind: "Workflow", metadata: { name: ref }, spec: { arguments: structuredClone(declaredArguments) } },
    overrides,
  );
  return { ...wf, spec: { ...wf.spec, arguments: checked.spec.arguments } };
}

/**
 * Registers `wfc submit`.
 *
 * @example
 * ```ts
 * registerSubmit(program); // wfc submit pipeline.ts -p count=3 --watch
 * ```
 */
export function registerSubmit(program: Command): void {
  const cmd = program
    .command("submit")
    .description("create a Workflow on the cluster from a .ts/.js/.yaml/.json file or from a template (--from)")
    .argument("[file]", "pipeline module (.ts, .js) or manifest (.yaml, .yml, .json)")
    .argument("[name]", "which Workflow to submit when the file defines several (metadata.name or generateName)")
    .option(
      "-p, --parameter <key=value>",
      "set a workflow parameter (repeatable); checked against the declared parameters",
      collectParameter,
      {},
    )
    .option(
      "--from <kind/name>",
      "submit from workflowtemplate/NAME, clusterworkflowtemplate/NAME or cronworkflow/NAME on the cluster",
    )
    .addOption(
      new Option(
        "--dry-run <mode>",
        "client: only print what would be created; server: let the server validate it without creating it",
      ).choices(["client", "server"]),
    )
    .addOption(outputOption())
    .option("-w, --watch", "show the workflow's nodes live until it completes; exit 1 if it fails")
    .option("--wait", "wait until the workflow completes; exit 0 only if it succeeded")
    .option("--name <name>", "set metadata.name (instead of the manifest's name or generateName)")
    .option("--generate-name <prefix>", "set metadata.generateName")
    .addOption(argoVersionOption());
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Examples:
  wfc submit pipeline.ts --watch
  wfc submit hello.yaml -p message=hi -n ci -o name
  wfc submit --from workflowtemplate/build -p branch=main --wait
  wfc submit pipeline.ts --dry-run=server

Exit codes: 0 created (with --wait/--watch: succeeded), 1 invalid input, cluster error or failed workflow, 2 usage error.`,
  );
  cmd.action(async (file: string | undefined, which: string | undefined, opts: SubmitOptions) => {
    if (!file && !opts.from) throw new ClusterInputError("give a file to submit, or --from workflowtemplate/NAME");
    if (file && opts.from) throw new ClusterInputError("give either a file or --from, not both");
    if (opts.dryRun && (opts.watch || opts.wait))
      throw new ClusterInputError("--dry-run cannot be combined with --watch or --wait");
    let client: WorkflowClient | undefined;
    const getClient = async (): Promise<WorkflowClient> => (client ??= await clientFrom(opts));
    const picked = file ? await fromFile(file, which, opts.parameter) : undefined;
    let manifest = picked ? picked.manifest : await fromCluster(await getClient(), opts.from!, opts.parameter);
    const meta = { ...(manifest.metadata ?? {}) } as Record<string, unknown>;
    if (opts.name) {
      meta.name = opts.name;
      delete meta.generateName;
    } else if (opts.generateName) {
      meta.generateName = opts.generateName;
      delete meta.name;
    }
    if (opts.namespace && meta.namespace && meta.namespace !== opts.namespace) {
      throw new ClusterInputError(
        `the manifest's namespace "${String(meta.namespace)}" does not match --namespace ${opts.namespace}`,
      );
    }
    manifest = { ...manifest, metadata: meta };
    // the same strict check as wfc lint, before anything is sent (dry runs included)
    const { assertValid, lowerLoaded, rejectedByServer } = await import("../check.js");
    const [loaded] = lowerLoaded(
      [
        picked
          ? { ...picked.source, manifest: manifest as unknown as LoadedManifest["manifest"] }
          : { manifest: manifest as unknown as LoadedManifest["manifest"], file: opts.from!, given: opts.from! },
      ],
      opts.argoVersion,
    ) as [LoadedManifest];
    manifest = loaded.manifest as unknown as Manifest;
    assertValid([loaded], opts.argoVersion);
    if (opts.dryRun === "client") {
      process.stdout.write(
        opts.output
          ? formatObjects([manifest as KubeObject], opts.output)
          : `${objectName(manifest as KubeObject)} created (dry run)\n`,
      );
      return;
    }
    const c = await getClient();
    const created = await c
      .create(manifest as KubeObject, {
        fieldValidation: "Strict",
        onWarning: printWarning,
        ...(opts.dryRun === "server" ? { dryRun: "server" as const } : {}),
      })
      .catch((e: unknown) => {
        throw rejectedByServer(e, loaded);
      });
    if (opts.output) process.stdout.write(formatObjects([created], opts.output));
    else process.stdout.write(`${objectName(created)} ${opts.dryRun ? "created (server dry run)" : "created"}\n`);
    if (opts.watch || opts.wait) {
      const name = String(created.metadata?.name);
      // with -o the object goes to stdout; progress then goes to stderr so stdout stays parseable
      const progress = opts.watch ? (opts.output ? process.stderr : process.stdout) : undefined;
      const done = await waitForWorkflow(c, name, progress ? { progress } : {});
      if (!opts.watch) process.stderr.write(`workflow ${name} ${done.status?.phase}\n`);
    }
  });
}
