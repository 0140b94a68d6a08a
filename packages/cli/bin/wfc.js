#!/usr/bin/env node
import { main } from "../dist/main.js";

// A closed pipe (`wfc build x.ts | head`) ends the program quietly, as with other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv);
