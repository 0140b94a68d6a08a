#!/usr/bin/env node
// The `wfc` command of the umbrella package: @wfc/cli's binary, unchanged.
import "@wfc/cli/bin/wfc.js";
