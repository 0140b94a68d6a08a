/**
 * `wfc version`: the client's version and, when the cluster answers, the server's (the Argo
 * version through the Argo Server; the Kubernetes version through the Kubernetes API, with the
 * workflow-controller Deployment's image tag when it can be read).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";

interface VersionOptions extends ClusterOptions {
  readonly short?: boolean;
  readonly client?: boolean;
}

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/**
 * Registers `wfc version`.
 *
 * @example
 * ```ts
 * registerVersion(program); // wfc version --argo-server https://argo:2746
 * ```
 */
export function registerVersion(program: Command): void {
  const cmd = program
    .command("version")
    .description("print the wfc version and, when reachable, the server's Argo (or Kubernetes) version")
    .option("--short", "print only the wfc version number")
    .option("--client", "do not contact the server");
  addClusterOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nIn Kubernetes mode the Argo version is the image tag of Deployment workflow-controller (in the\nnamespace, then in argo), when readable.\nAn unreachable server is reported on stderr; the exit code stays 0.\n\nExamples:\n  wfc version\n  wfc version --argo-server https://argo.example.com:2746",
  );
  cmd.action(async (opts: VersionOptions) => {
    if (opts.short) return void process.stdout.write(`${VERSION}\n`);
    process.stdout.write(`wfc: ${VERSION}\nnode: ${process.version}\n`);
    if (opts.client) return;
    try {
      const { serverVersion } = await import("@wfc/client");
      const v = await serverVersion(await clientFrom(opts));
      process.stdout.write(`server: ${v.server} (${v.mode === "argo-server" ? "Argo Server" : "Kubernetes API"})\n`);
      if (v.argo) process.stdout.write(`argo: ${v.argo}${v.argoSource ? ` (${v.argoSource})` : ""}\n`);
      if (v.kubernetes) process.stdout.write(`kubernetes: ${v.kubernetes}\n`);
      if (v.mode === "kubernetes" && !v.argo)
        process.stdout.write(
          "argo: not found through the Kubernetes API (no readable Deployment workflow-controller in this namespace or argo; use --argo-server to read the Argo version)\n",
        );
    } catch (err) {
      process.stderr.write(`wfc: server version unknown: ${(err as Error).message}\n`);
    }
  });
}
