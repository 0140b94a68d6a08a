/**
 * CI recipes of a new project. Both run the same steps: install, lint, test, build to
 * `manifests/`, then fail when the committed `manifests/` differ from the build (Argo CD or Flux
 * sync that directory, so what is merged is what runs).
 */

/** The shell lines that fail when `manifests/` is not what the pipelines build, indented by `indent`. */
function checkManifests(indent: string): string {
  return [
    'if [ -n "$(git status --porcelain -- manifests/)" ]; then',
    "  git status --short -- manifests/",
    "  git --no-pager diff -- manifests/",
    '  echo "manifests/ is stale: run npm run build and commit it"',
    "  exit 1",
    "fi",
  ]
    .map((l) => `${indent}${l}\n`)
    .join("");
}

/** `.github/workflows/wfc.yml`: lint, test, build on every push and pull request. */
export const GITHUB_WORKFLOW = `name: wfc
on:
  push:
  pull_request:
jobs:
  pipelines:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - run: npm run lint
      - run: npm test
      - run: npm run build
      # Argo CD / Flux deploy manifests/: it must be what the pipelines build
      - run: |
${checkManifests("          ")}`;

/** `.gitlab-ci.yml`: the same steps as the GitHub workflow. */
export const GITLAB_CI = `# lint, test and build the pipelines; Argo CD / Flux deploy manifests/
pipelines:
  image: node:22
  cache:
    key:
      files: [package-lock.json]
    paths: [.npm/]
  script:
    - npm ci --cache .npm --prefer-offline
    - npm run lint
    - npm test
    - npm run build
    - |
${checkManifests("      ")}`;
