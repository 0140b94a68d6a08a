/**
 * Options shared by the cluster commands (`submit`, `apply`, `get`, `list`,
 * `logs`, `delete`), like kubectl's and the argo CLI's, and the client they build.
 */

import type { WorkflowClient } from "@wfc/client";
import { type Command, InvalidArgumentError, Option } from "commander";

/** Parsed values of the shared cluster options. */
export interface ClusterOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly argoServer?: string;
  readonly token?: string;
  readonly insecureSkipTlsVerify?: boolean;
  readonly caFile?: string;
  readonly requestTimeout?: number;
  readonly watchTimeout?: number;
}

/**
 * Parses a duration like `30s`, `500ms`, `2m` or a bare number of seconds; `0` means no timeout.
 *
 * @example
 * ```ts
 * parseDuration("1.5s") // 1500
 * ```
 */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`"${value}" is not a duration (e.g. 30s, 500ms, 2m, 0)`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return Math.round(n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit]!);
}

/**
 * Adds `--kubeconfig`, `--context`, `-n`, `--argo-server`, `--token`, `-k`,
 * `--ca-file`, `--request-timeout` and `--watch-timeout` to a command. `--token`, `-k` and `--ca-file`
 * apply in both modes (in Kubernetes mode they override the kubeconfig, like kubectl's flags).
 *
 * @example
 * ```ts
 * addClusterOptions(program.command("get").argument("<name>"));
 * ```
 */
export function addClusterOptions(cmd: Command): Command {
  return cmd
    .option("-n, --namespace <namespace>", "namespace (default: the context's namespace)")
    .option("--kubeconfig <file>", "kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster)")
    .option("--context <name>", "kubeconfig context to use")
    .option("--argo-server <url>", "talk to this Argo Server instead of the Kubernetes API (default: $ARGO_SERVER)")
    .option(
      "--token <token>",
      "bearer token: the Argo Server's (default: $ARGO_TOKEN), or instead of the kubeconfig user's credentials",
    )
    .option(
      "-k, --insecure-skip-tls-verify",
      "do not verify the server's certificate (Argo Server default: $ARGO_INSECURE_SKIP_VERIFY)",
    )
    .option("--ca-file <file>", "CA certificate bundle to verify the server with (instead of the kubeconfig's)")
    .addOption(
      new Option(
        "--request-timeout <duration>",
        "give up on a request, or on a kubeconfig exec credential plugin, after this long (0: never)",
      )
        .argParser(parseDuration)
        .default(30_000, "30s"),
    )
    .addOption(
      new Option(
        "--watch-timeout <duration>",
        "end each watch request after this long and resume it; a watch silent for 1.5x as long is restarted (0: never)",
      )
        .argParser(parseDuration)
        .default(60_000, "60s"),
    );
}

/**
 * Connects with the parsed options (Argo Server mode when `--argo-server` or `ARGO_SERVER` is set).
 *
 * @example
 * ```ts
 * const client = await clientFrom(cmd.opts<ClusterOptions>());
 * ```
 */
export async function clientFrom(opts: ClusterOptions): Promise<WorkflowClient> {
  const { connect } = await import("@wfc/client");
  if (!opts.argoServer && !process.env.ARGO_SERVER && !opts.token && process.env.ARGO_TOKEN) {
    process.stderr.write(
      "Warning: ARGO_TOKEN is set but not used: it is the Argo Server's token (set ARGO_SERVER or --argo-server); pass --token to send a token to the Kubernetes API\n",
    );
  }
  return connect({
    ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
    ...(opts.context ? { context: opts.context } : {}),
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    ...(opts.argoServer ? { argoServer: opts.argoServer } : {}),
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
    ...(opts.caFile ? { caFile: opts.caFile } : {}),
    ...(opts.requestTimeout !== undefined ? { requestTimeoutMs: opts.requestTimeout } : {}),
    ...(opts.watchTimeout !== undefined ? { watchTimeoutMs: opts.watchTimeout } : {}),
  });
}

/** Values of `-o/--output` for objects. */
export const OUTPUT_FORMATS = ["name", "yaml", "json"] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The `-o, --output` option with the given choices. @example `cmd.addOption(outputOption(["name","yaml","json","wide"]))` */
export function outputOption(choices: readonly string[] = OUTPUT_FORMATS): Option {
  return new Option("-o, --output <format>", "output format").choices(choices as string[]);
}
