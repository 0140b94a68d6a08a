/** The versions a new project's `package.json` asks for (caret ranges). */
export interface ProjectVersions {
  /** The version of the `@wfc/*` packages, e.g. `0.1.0`. */
  readonly wfc: string;
  /** The version range of `typescript`. */
  readonly typescript: string;
  /** The version range of `vitest`. */
  readonly vitest: string;
  /** The version range of `zod`. */
  readonly zod: string;
}

/** The `package.json` of a new project named `name`. */
export function packageJson(name: string, v: ProjectVersions): string {
  const pkg = {
    name,
    version: "0.0.0",
    private: true,
    type: "module",
    scripts: {
      build: "wfc build pipelines/ -d manifests/ --prune",
      lint: "wfc lint pipelines/",
      test: "vitest run",
    },
    devDependencies: {
      "@wfc/cli": `^${v.wfc}`,
      "@wfc/runner": `^${v.wfc}`,
      "@wfc/sdk": `^${v.wfc}`,
      typescript: v.typescript,
      vitest: v.vitest,
      zod: v.zod,
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The `tsconfig.json` of a new project: strict, NodeNext, type-check only. */
export const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ["pipelines"],
  },
  null,
  2,
)}\n`;

/** The `.gitignore` of a new project; `manifests/` is committed (GitOps), so it is not ignored. */
export const GITIGNORE = "node_modules/\n.wfc/\n";

/** The `README.md` of a new project named `name`. */
export function readme(name: string): string {
  return `# ${name}

Argo Workflows written in TypeScript with wfc (\`@wfc/sdk\`).

| command | what it does |
|---|---|
| \`npm install\` | installs wfc, vitest and TypeScript |
| \`npm test\` | runs the tests in \`pipelines/*.test.ts\` locally (no cluster) |
| \`npm run lint\` | checks the pipelines the way Argo would |
| \`npm run build\` | compiles \`pipelines/\` to Argo YAML in \`manifests/\` (commit it) |
| \`npx wfc run pipelines/hello.ts\` | runs a workflow on this machine |
| \`npx wfc submit pipelines/hello.ts --watch\` | runs it on a cluster |
`;
}
