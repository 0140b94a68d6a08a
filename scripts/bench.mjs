#!/usr/bin/env node
// wfc's benchmarks. Each suite is a module in scripts/bench/ (alphabetical order) exporting
// `name` and `run({ dir, sizes })`; it prints its own lines, each measurement with its baseline and
// the ratio where there is one (see scripts/bench/lib.mjs).
//
//   npm run bench                    # every suite
//   npm run bench -- 5000            # chosen sizes for the suites that take sizes
//   npm run bench -- --only runner   # chosen suites (comma-separated names)
//   npm run bench -- --runner        # same as --only runner
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const onlyAt = args.indexOf("--only");
const only = args.includes("--runner")
  ? ["runner"]
  : onlyAt >= 0
    ? String(args[onlyAt + 1] ?? "").split(",")
    : undefined;
const dir = join(root, "bench", ".work");
mkdirSync(dir, { recursive: true });
const files = readdirSync(join(here, "bench"))
  .filter((f) => f.endsWith(".mjs") && f !== "lib.mjs")
  .sort();
let failed = false;
for (const f of files) {
  const suite = await import(pathToFileURL(join(here, "bench", f)).href);
  if (only && !only.includes(suite.name)) continue;
  console.log(`# ${suite.name}`);
  try {
    const suiteDir = join(dir, suite.name);
    mkdirSync(suiteDir, { recursive: true });
    await suite.run({ dir: suiteDir, sizes });
  } catch (e) {
    failed = true;
    console.error(`${suite.name}: failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
