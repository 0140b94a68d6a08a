#!/usr/bin/env node
// The `wfc` command of the umbrella package: @wfc/cli's binary, unchanged. CommonJS
// (bin/package.json), as that binary is: its cluster commands start without Node's ES module loader.
require("@wfc/cli/bin/wfc.js");
