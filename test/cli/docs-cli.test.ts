/**
 * docs/cli.md lists every command and flag of the program: its generated section is what
 * scripts/cli-reference.mjs writes from the commands registered now (whoever added them), and each
 * command's documented flags are exactly the ones its `--help` prints.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createProgram } from "../../packages/cli/dist/main.js";
// @ts-expect-error: a plain .mjs script without types
import { cliReference, END, START } from "../../scripts/cli-reference.mjs";
import { ROOT } from "../cluster/harness.js";

const doc = readFileSync(path.join(ROOT, "docs/cli.md"), "utf8");

function commands(cmd: Command, p: string[] = []): { path: string[]; cmd: Command }[] {
  const subs = cmd.commands.filter((c) => c.name() !== "help");
  return [...(p.length ? [{ path: p, cmd }] : []), ...subs.flatMap((c) => commands(c, [...p, c.name()]))];
}

describe("docs/cli.md and --help", async () => {
  const program = await createProgram("all");
  const all = commands(program);

  it("the generated command reference is up to date (run `node scripts/cli-reference.mjs` after adding a command or flag)", () => {
    const a = doc.indexOf(START);
    const b = doc.indexOf(END);
    expect(a).toBeGreaterThan(0);
    expect(doc.slice(a, b + END.length + 1)).toBe(cliReference(program));
  });

  it("every command has a section, and its documented flags are those its --help prints", () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    const sections = doc.slice(doc.indexOf(START)).split(/\n(?=### `wfc )/);
    for (const { path: p, cmd } of all) {
      const head = `### \`wfc ${p.join(" ")}`;
      const section = sections.find((s) => s.startsWith(head) && /^[ `]/.test(s.slice(head.length)));
      expect(section, `docs/cli.md has no section for wfc ${p.join(" ")}`).toBeDefined();
      const help = cmd.helpInformation();
      const documented = [...(section ?? "").matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] as string);
      for (const flags of documented)
        expect(help, `wfc ${p.join(" ")} --help lacks ${flags}`).toContain(flags.replace(/\\\|/g, "|"));
      const shown = cmd.options.filter((o) => !o.hidden).map((o) => o.flags);
      const clusterShared = (section ?? "").includes("Cluster options: see");
      for (const flags of shown) {
        const isCluster =
          /--(namespace|kubeconfig|context|argo-server|token|insecure-skip-tls-verify|ca-file|request-timeout)\b/.test(
            flags,
          );
        if (isCluster && clusterShared) continue;
        expect(documented, `docs/cli.md does not document ${flags} of wfc ${p.join(" ")}`).toContain(flags);
      }
    }
  });

  it("the day-2 commands are all there", () => {
    const names = all.map((c) => c.path.join(" "));
    for (const n of [
      "stop",
      "terminate",
      "suspend",
      "resume",
      "retry",
      "resubmit",
      "wait",
      "watch",
      "cron list",
      "cron get",
      "cron suspend",
      "cron resume",
      "cron create-workflow-now",
      "template list",
      "template get",
      "template delete",
      "cluster-template list",
      "cluster-template get",
      "cluster-template delete",
      "version",
      "completion",
    ])
      expect(names).toContain(n);
  });
});
