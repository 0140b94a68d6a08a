import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { yamlLibrary } from "./library.js";

const require = createRequire(import.meta.url);
const vendored = fileURLToPath(new URL("../../dist/vendor/yaml.cjs", import.meta.url));

describe("yamlLibrary", () => {
  test("from sources it is the yaml package itself, loaded once", () => {
    expect(yamlLibrary()).toBe(require("yaml"));
    expect(yamlLibrary()).toBe(yamlLibrary());
    expect(yamlLibrary().parseDocument("a: [1, x]").toJS()).toEqual({ a: [1, "x"] });
  });

  test.runIf(existsSync(vendored))("the build's one-file copy parses as the package does", () => {
    const bundled = require(vendored) as typeof import("yaml");
    expect(bundled).not.toBe(require("yaml"));
    const text = "a: &x {b: 'c', d: [1, 2.5, null]}\ne: *x\nf: |\n  line\n";
    for (const options of [{}, { version: "1.1", schema: "failsafe" }] as const)
      expect(bundled.parseDocument(text, options).toJS()).toEqual(require("yaml").parseDocument(text, options).toJS());
  });
});
