import { transform } from "esbuild";
import { defineConfig, type Plugin } from "vitest/config";

// TC39 standard decorators (`@task`, `@flow`, ...): Node 20 cannot run them and vite 8's
// transformer (oxc) does not lower them, so TypeScript files that use them go through esbuild
// first, as they do under tsx (`wfc build`).
const decorators: Plugin = {
  name: "wfc:tc39-decorators",
  enforce: "pre",
  async transform(code, id) {
    if (
      !/\.[cm]?ts$/.test(id) ||
      id.includes("/node_modules/") ||
      !/(^\s*|[{;)]\s*)@[A-Za-z_$][\w$.]*(\(|\s)/m.test(code)
    )
      return null;
    const r = await transform(code, { loader: "ts", format: "esm", target: "es2022", sourcemap: true, sourcefile: id });
    return { code: r.code, map: r.map };
  },
};

// One configuration for the whole repository: unit tests next to the code
// (packages/*/src/**/*.test.ts), cross-package and CLI end-to-end tests (test/**), users' tests of
// the example pipelines beside them (examples/**/*.test.ts), and type tests
// (*.test-d.ts, checked by the TypeScript compiler through vitest's typecheck mode).
export default defineConfig({
  plugins: [decorators],
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/.out/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    typecheck: {
      enabled: true,
      include: ["packages/*/src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
