import { defineConfig } from "vitest/config";

// One configuration for the whole repository: unit tests next to the code
// (packages/*/src/**/*.test.ts), cross-package and CLI end-to-end tests (test/**), users' tests of
// the example pipelines beside them (examples/**/*.test.ts), and type tests
// (*.test-d.ts, checked by the TypeScript compiler through vitest's typecheck mode).
export default defineConfig({
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
