import { appendFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Workflow } from "@wfc/sdk/argo";
import type { RunState } from "./run-state.js";

const madeLogDirs = new WeakSet<RunState>();

/** Appends one line to `<runDir>/logs/<pod>.log`. */
export function appendLog(run: RunState, podName: string, line: string): void {
  const dir = join(run.runDir, "logs");
  if (!madeLogDirs.has(run)) {
    mkdirSync(dir, { recursive: true });
    madeLogDirs.add(run);
  }
  appendFileSync(join(dir, `${podName}.log`), line.endsWith("\n") ? line : `${line}\n`);
}

/** Writes `<runDir>/status.json` atomically (temp file, then rename). */
export function writeStatus(runDir: string, wf: Workflow): void {
  writeRunFile(runDir, "status.json", wf);
}

/** Writes `<runDir>/<name>` as indented JSON, atomically (temp file, then rename). */
export function writeRunFile(runDir: string, name: string, value: unknown): void {
  mkdirSync(runDir, { recursive: true });
  const file = join(runDir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, file);
}
