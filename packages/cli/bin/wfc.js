#!/usr/bin/env node
// CommonJS (bin/package.json): the cluster read commands start without Node's ES module loader.
"use strict";
// Node >= 22.1 keeps compiled code of wfc (and of the bundled pipelines) on disk between runs.
require("node:module").enableCompileCache?.();

// The cluster read commands run from one bundled script with a V8 code cache (src/cluster-main.ts,
// src/cluster-start.ts); the word that picks the command is found as src/program.ts's commandsFor
// finds it, and the bundle hands any other command line to dist/main.js.
const CLUSTER_COMMANDS = ["get", "list", "ls", "logs", "delete"];
const first = process.argv.slice(2).find((a) => !a.startsWith("-"));

/** The cluster bundle, or undefined when it is not built (`tsc -b` alone): then dist/main.js runs. */
function startCluster() {
  const dist = require("node:path").join(__dirname, "..", "dist");
  let start;
  try {
    start = require("../dist/bundle-cluster-start.cjs");
  } catch (e) {
    if (e.code === "MODULE_NOT_FOUND") return undefined;
    throw e;
  }
  return start.startCluster(dist);
}

async function run() {
  const cluster = CLUSTER_COMMANDS.includes(first) ? startCluster() : undefined;
  const { main, endEsbuildProcesses } = cluster ?? (await import("../dist/main.js"));

  // A closed pipe (`wfc build x.ts | head`) ends the program quietly, as with other Unix tools.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }

  // Node would end a run whose awaits can never settle with exit code 13 and no word; the loader
  // reports a pipeline module stuck that way itself, this is the last resort.
  let done = false;
  process.on("beforeExit", () =>
    setImmediate(() => {
      if (done) return;
      process.stderr.write("internal error: wfc stopped waiting for something that can never happen\n");
      process.exit(70);
    }),
  );

  const code = await main(process.argv);
  done = true;
  cluster?.saveCodeCache();

  // The command's work is done: exit even when a pipeline module left a timer or a socket open,
  // once esbuild's service processes are gone (none stays behind in the process group) and what
  // was written to stdout and stderr has been flushed.
  await endEsbuildProcesses();
  const flushed = (stream) => new Promise((resolve) => (stream.writableLength ? stream.write("", resolve) : resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

run();
