/**
 * The `wfc import` round trip over the vendored upstream Argo examples: import every Argo-kind
 * file, write the TypeScript to test/import/.out/upstream/, type-check all of it with ONE `tsc --strict`,
 * then load each module, compile its workflows and compare with the input (k8sEqual).
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { importManifests } from "@wfc/import";
import { compile, isManifestable, isWorkflow, k8sEqual, MANIFESTS, parseK8sYaml, type WorkflowObject } from "@wfc/sdk";
import { stringify } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const EXAMPLES = join(ROOT, "vendor/argo/examples");
export const OUT = join(here, ".out", "upstream");
const KINDS = new Set([
  "Workflow",
  "WorkflowTemplate",
  "ClusterWorkflowTemplate",
  "CronWorkflow",
  "EventSource",
  "Sensor",
  "EventBus",
  "WorkflowEventBinding",
]);

export interface FileResult {
  file: string;
  /** "ok", or the stage that failed. */
  status: "ok" | "import" | "typecheck" | "load" | "compile" | "diff";
  detail?: string;
}

export interface RoundTrip {
  results: FileResult[];
  skipped: { file: string; kinds: string[] }[];
  timings: Record<string, number>;
}

function tsName(file: string): string {
  return `${file.replace(/\.ya?ml$/, "").replace(/[^A-Za-z0-9_-]/g, "_")}.ts`;
}

/** Where the round trip reads its YAML and writes its TypeScript. */
export interface RoundTripSource {
  /** The directory of the YAML files. */
  readonly dir: string;
  /** The files, relative to `dir`; default: the lines of `dir/INDEX.txt`. */
  readonly files?: readonly string[];
  /** The directory of the generated TypeScript (emptied first). */
  readonly out: string;
  /** Import options (server fields etc.). */
  readonly keepServerFields?: boolean;
  /** Turns an input document into what the rebuild is compared with (default: as it is). */
  readonly expected?: (doc: unknown) => unknown;
  /**
   * The documents of a file to import (default: all of them, and a file with a kind the import
   * does not read is skipped); the import reads them written back as YAML.
   */
  readonly select?: (docs: unknown[], file: string) => unknown[];
  /** Compares the expected documents with the rebuilt ones: the differences (default: k8sEqual's). */
  readonly compare?: (expected: unknown[], built: unknown[]) => string[];
}

export async function roundTrip(
  only?: (file: string) => boolean,
  src: RoundTripSource = { dir: EXAMPLES, out: OUT },
): Promise<RoundTrip> {
  const t0 = performance.now();
  const EXAMPLES = src.dir;
  const OUT = src.out;
  const files = (
    src.files ??
    readFileSync(join(EXAMPLES, "INDEX.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
  ).filter((f) => !only || only(f));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const results: FileResult[] = [];
  const skipped: RoundTrip["skipped"] = [];
  const pending: { file: string; ts: string; docs: unknown[] }[] = [];
  for (const file of files) {
    let text = readFileSync(join(EXAMPLES, file), "utf8");
    let docs = parseK8sYaml(text, file).flatMap((d) =>
      (d as { kind?: unknown }).kind === "List" ? ((d as { items?: unknown[] }).items ?? []) : [d],
    );
    if (src.select) {
      docs = src.select(docs, file);
      text = docs.map((d) => stringify(d, { version: "1.1" })).join("---\n");
    }
    const kinds = docs.map((d) => String((d as { kind?: unknown }).kind));
    if (!docs.length || !kinds.every((k) => KINDS.has(k))) {
      skipped.push({ file, kinds });
      continue;
    }
    try {
      const code = importManifests(text, file, { keepServerFields: src.keepServerFields });
      const ts = join(OUT, tsName(file));
      writeFileSync(ts, code);
      pending.push({ file, ts, docs });
    } catch (e) {
      results.push({ file, status: "import", detail: (e as Error).message });
    }
  }
  const t1 = performance.now();

  // One type-check over everything.
  const errorsByFile = new Map<string, string[]>();
  if (pending.length) {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const args = [
      tsc,
      "--strict",
      "--noEmit",
      "--skipLibCheck",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--types",
      "node",
      ...pending.map((p) => p.ts),
    ];
    try {
      await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 << 20 });
    } catch (e) {
      const out = String((e as { stdout?: string }).stdout ?? "");
      for (const line of out.split("\n")) {
        const m = /^(.*?\.ts)\(\d+,\d+\): error/.exec(line);
        if (m) {
          const abs = resolve(ROOT, m[1]!);
          (errorsByFile.get(abs) ?? errorsByFile.set(abs, []).get(abs)!).push(line.replace(/^.*?\.out\//, ""));
        } else if (line.startsWith(" ") && errorsByFile.size) {
          const last = [...errorsByFile.values()].at(-1)!;
          last[last.length - 1] += `\n${line}`;
        }
      }
      if (!errorsByFile.size)
        throw new Error(`tsc failed without file errors:\n${out}${String((e as { stderr?: string }).stderr ?? "")}`);
    }
  }
  const t2 = performance.now();

  for (const p of pending) {
    const errs = errorsByFile.get(p.ts);
    if (errs) {
      results.push({ file: p.file, status: "typecheck", detail: errs.slice(0, 3).join("\n") });
      continue;
    }
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(p.ts).href)) as Record<string, unknown>;
    } catch (e) {
      results.push({ file: p.file, status: "load", detail: (e as Error).message });
      continue;
    }
    let manifests: unknown[];
    try {
      manifests = [...new Set(Object.values(mod))].flatMap((v) =>
        isWorkflow(v) ? [compile(v as WorkflowObject)] : isManifestable(v) ? [...v[MANIFESTS]()] : [],
      );
    } catch (e) {
      results.push({ file: p.file, status: "compile", detail: (e as Error).message });
      continue;
    }
    const expected = src.expected ? p.docs.map(src.expected) : p.docs;
    const diffs = src.compare ? src.compare(expected, manifests) : k8sEqual(expected, manifests).diffs;
    const r = { equal: diffs.length === 0, diffs };
    results.push(
      r.equal
        ? { file: p.file, status: "ok" }
        : { file: p.file, status: "diff", detail: r.diffs.slice(0, 5).join("\n") },
    );
  }
  const t3 = performance.now();
  results.sort((a, b) => a.file.localeCompare(b.file));
  return { results, skipped, timings: { import: t1 - t0, typecheck: t2 - t1, compile: t3 - t2, total: t3 - t0 } };
}

export function summary(rt: RoundTrip): string {
  const ok = rt.results.filter((r) => r.status === "ok").length;
  const lines = [
    `${ok}/${rt.results.length} Argo-kind files round-trip; skipped (not Argo workflow kinds): ${rt.skipped.map((s) => `${s.file} (${s.kinds.join(", ")})`).join(", ")}`,
  ];
  for (const r of rt.results)
    if (r.status !== "ok") lines.push(`- ${r.file}: [${r.status}] ${r.detail?.split("\n").join("\n    ")}`);
  lines.push(
    `timings (ms): ${Object.entries(rt.timings)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(", ")}`,
  );
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const filter = process.argv[2];
  const rt = await roundTrip(filter ? (f) => f.includes(filter) : undefined);
  writeFileSync(join(OUT, "summary.txt"), summary(rt));
  console.log(summary(rt));
}
