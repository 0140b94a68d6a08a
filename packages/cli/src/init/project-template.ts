/** The versions a new project's `package.json` asks for. */
export interface ProjectVersions {
  /** The version of `wfc` (the umbrella package; the `@wfc/*` packages share it), e.g. `0.1.0`. */
  readonly wfc: string;
  /** The version range of `typescript`. */
  readonly typescript: string;
  /** The version range of `vitest`. */
  readonly vitest: string;
}

/** The `package.json` of a new project named `name`: ESM, `wfc` as a caret range. */
export function packageJson(name: string, v: ProjectVersions): string {
  const pkg = {
    name,
    version: "0.0.0",
    private: true,
    type: "module",
    scripts: {
      build: "wfc build --prune",
      lint: "wfc lint",
      test: "vitest run",
    },
    devDependencies: {
      typescript: v.typescript,
      vitest: v.vitest,
      wfc: `^${v.wfc}`,
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The `wfc.config.ts` of a new project: the pipelines and where `wfc build` writes them. */
export const WFC_CONFIG = `// wfc's project configuration; every key is optional, and a command-line flag wins over it.
// docs/install.md of wfc lists the keys: namespace, imageRegistry, outputDir, argoVersion, pipelines.
import { defineConfig } from "wfc";

export default defineConfig({
  // what \`wfc build\`, \`wfc lint\` and \`wfc graph\` read when no file is given (test files are skipped)
  pipelines: ["pipelines/**/*.ts"],
  // where \`wfc build\` (no file given) writes one YAML file per manifest, for Argo CD or Flux
  outputDir: "manifests",
});
`;

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
    include: ["pipelines", "wfc.config.ts"],
  },
  null,
  2,
)}\n`;

/** The `.gitignore` of a new project; `manifests/` is committed (GitOps), so it is not ignored. */
export const GITIGNORE = "node_modules/\n.wfc/\n";

/** The `README.md` of a new project named `name`. */
export function readme(name: string): string {
  return `# ${name}

Argo Workflows written in TypeScript with [wfc](https://www.npmjs.com/package/wfc).

| command | what it does |
|---|---|
| \`npm install\` | installs wfc, vitest and TypeScript |
| \`npm test\` | runs the tests in \`pipelines/*.test.ts\` locally (no cluster) |
| \`npm run lint\` | type-checks the pipelines and checks them the way Argo would |
| \`npm run build\` | compiles \`pipelines/\` to Argo YAML in \`manifests/\` (commit it) |
| \`npx wfc run pipelines/hello.ts\` | runs a workflow on this machine |
| \`npx wfc submit pipelines/hello.ts --watch\` | runs it on a cluster |

\`wfc.config.ts\` says which files are pipelines and where the YAML goes. CI
(\`.github/workflows/wfc.yml\`, \`.gitlab-ci.yml\`) lints, tests and builds, and fails when the
committed \`manifests/\` differ from what the pipelines build: point Argo CD or Flux at
\`manifests/\`.
`;
}
