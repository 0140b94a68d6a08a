#!/usr/bin/env node
// Writes docs/coverage.md: every vendored upstream Argo example (vendor/argo/examples), whether
// examples/upstream/<name>.ts reproduces it or why it is out of scope, and the Argo features those
// examples use with the wfc API that covers each. `--check` exits 1 when the committed file is stale
// (the golden test runs it). Features are detected from the keys and expressions of the upstream
// manifests, so the table follows the examples.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseK8sYaml } from "@wfc/sdk";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const VENDOR = join(ROOT, "vendor/argo/examples");
const EXAMPLES = join(ROOT, "examples/upstream");
const OUT = join(ROOT, "docs/coverage.md");

/**
 * Upstream files with Argo kinds that have no reproduction yet, with the reason. The golden test
 * fails for an Argo-kind file that is neither reproduced nor listed here.
 */
export const PENDING = {};

/** Argo features: how to detect them in a manifest, and the wfc API that covers them. */
export const FEATURES = [
  ["Container template", (s) => s.includes('"container":'), "`container(options, spec | (inputs) => spec)`"],
  ["Script template", (s) => s.includes('"script":'), "`script(options, spec)`, `nodeScript({ run })`"],
  ["DAG template", (s) => s.includes('"dag":'), '`dag(options, body)`; the workflow body (`bodyKind: "dag"`)'],
  [
    "Steps template",
    (s) => s.includes('"steps":'),
    '`steps(options, body)` with `parallel(() => ...)`; `bodyKind: "steps"`',
  ],
  ["Resource template", (s) => s.includes('"resource":'), "`resource(options, spec)`"],
  ["Suspend template", (s) => s.includes('"suspend":'), "`suspend(options, spec)`"],
  ["HTTP template", (s) => s.includes('"http":'), "`http(options, spec)`"],
  ["Data template", (s) => /"data":\{"(source|transformation)"/.test(s), "`data(options, spec)`"],
  ["Container set template", (s) => s.includes('"containerSet":'), "`containerSet(options, spec)`"],
  ["Plugin template", (s) => s.includes('"plugin":'), "`plugin(options, spec)`"],
  ["WorkflowTemplate", (s) => s.includes('"kind":"WorkflowTemplate"'), "`workflowTemplate(options, body?)`"],
  [
    "ClusterWorkflowTemplate",
    (s) => s.includes('"kind":"ClusterWorkflowTemplate"'),
    "`clusterWorkflowTemplate(options, body?)`",
  ],
  ["CronWorkflow", (s) => s.includes('"kind":"CronWorkflow"'), "`cronWorkflow({ schedules, cron, ... }, body?)`"],
  [
    "workflowTemplateRef",
    (s) => s.includes('"workflowTemplateRef":'),
    "`workflow({ workflowTemplateRef: wt })` (a workflow object, or `{ name, clusterScope }`)",
  ],
  [
    "templateRef (incl. cluster scope)",
    (s) => s.includes('"templateRef":'),
    '`templateRef(wt, "name", { inputs, outputs })` / `wt.template(...)`: a callable template lowering to `templateRef`',
  ],
  [
    "Workflow parameters",
    (s) => /"arguments":\{"parameters"/.test(s),
    "`parameters: { name: z.string().default(...) }` → typed refs in the body",
  ],
  [
    "Input parameters with value/default/enum/description",
    (s) => /"enum":|"description":/.test(s),
    "zod schemas, `z.enum`, `.describe()`, `param(schema, { value, enum, description })`",
  ],
  [
    "Output parameters valueFrom (path, jsonPath, expression, configMapKeyRef, supplied, default, event)",
    (s) => s.includes('"valueFrom":'),
    "`param(schema, { valueFrom })`, `outputFromPath()`; expressions via `expr`",
  ],
  [
    "globalName (global outputs)",
    (s) => s.includes('"globalName":'),
    "`param(schema, { globalName })`, `artifact({ globalName })`, `vars.workflow.outputParameter(name)`",
  ],
  [
    "Artifacts (input/output, from)",
    (s) => s.includes('"artifacts":'),
    "`artifact({ path, ... })`, `task.outputs.x` (ArtifactRef)",
  ],
  ["S3 artifacts", (s) => s.includes('"s3":'), "`artifact({ s3: {...} })`"],
  ["GCS artifacts", (s) => s.includes('"gcs":'), "`artifact({ gcs: {...} })`"],
  ["Azure artifacts", (s) => s.includes('"azure":'), "`artifact({ azure: {...} })`"],
  ["Git artifacts", (s) => s.includes('"git":'), "`artifact({ git: {...} })`"],
  ["HTTP artifacts", (s) => /"http":\{"url"/.test(s), "`artifact({ http: { url } })`"],
  ["HDFS artifacts", (s) => s.includes('"hdfs":'), "`artifact({ hdfs: {...} })`"],
  ["Raw artifacts", (s) => s.includes('"raw":'), "`artifact({ raw: { data } })`"],
  ["Artifact archive options", (s) => s.includes('"archive":'), "`artifact({ archive: { none: {} } })`"],
  ["artifactGC", (s) => s.includes('"artifactGC":'), "`artifactGC` (workflow option and `artifact({ artifactGC })`)"],
  [
    "artifactRepositoryRef / archiveLocation",
    (s) => /"artifactRepositoryRef":|"archiveLocation":/.test(s),
    "workflow option `artifactRepositoryRef`; template option `archiveLocation`",
  ],
  [
    "withItems (incl. objects)",
    (s) => s.includes('"withItems":'),
    "`forEach(items, (item) => ...)`; `item.field` typed per item",
  ],
  ["withParam", (s) => s.includes('"withParam":'), "`forEachParam(ref, (item) => ...)`"],
  ["withSequence", (s) => s.includes('"withSequence":'), "`forSequence({ count | start, end, format }, (i) => ...)`"],
  [
    "when",
    (s) => s.includes('"when":'),
    'task option `when: eq(a.result, "heads")`, `ne`, `gt`, `allOf`, ..., or an `expr`',
  ],
  [
    "depends (enhanced)",
    (s) => s.includes('"depends":'),
    "passing outputs; `after`; `depends: a.failed.or(b.succeeded)`, `and`, `or`, `not`",
  ],
  ["dependencies lists", (s) => s.includes('"dependencies":'), '`dependencyStyle: "dependencies"`'],
  [
    "{{= }} expressions",
    (s) => s.includes("{{="),
    "`expr\\`...\\``, `exprDq`, `jsonpath()`, `ifThenElse()`, `exprToken()`",
  ],
  [
    "Global variables (workflow.name, status, ...)",
    (s) => /\{\{workflow\.(name|status|uid|namespace|duration|failures|creationTimestamp)/.test(s),
    "`vars.workflow.*`, `vars.pod.name`, `vars.retries`, ...",
  ],
  ["retryStrategy", (s) => s.includes('"retryStrategy":'), "template option `retryStrategy` (typed)"],
  [
    "timeout / activeDeadlineSeconds",
    (s) => /"timeout":|"activeDeadlineSeconds":/.test(s),
    "template/workflow options `timeout`, `activeDeadlineSeconds`",
  ],
  ["continueOn", (s) => s.includes('"continueOn":'), "task option `extra: { continueOn }`"],
  ["failFast", (s) => s.includes('"failFast":'), "`dag({ failFast: false })`"],
  ["parallelism", (s) => s.includes('"parallelism":'), "workflow and template option `parallelism`"],
  [
    "Exit handlers (onExit)",
    (s) => s.includes('"onExit":'),
    "`onExit: template` (workflow option; task `extra.onExit`)",
  ],
  [
    "Lifecycle hooks",
    (s) => s.includes('"hooks":'),
    "`hooks: { exit: { template } }` (workflow option; task `extra.hooks`), templates as values",
  ],
  ["memoize", (s) => s.includes('"memoize":'), "template option `memoize`"],
  [
    "synchronization (mutexes / semaphores)",
    (s) => s.includes('"synchronization":'),
    "workflow and template option `synchronization`",
  ],
  ["metrics", (s) => s.includes('"metrics":'), "workflow and template option `metrics`"],
  [
    "volumes / volumeClaimTemplates",
    (s) => /"volumes":|"volumeClaimTemplates":/.test(s),
    "workflow options `volumes`, `volumeClaimTemplates`; template option `volumes`",
  ],
  [
    "Secrets and config maps",
    (s) => /"secretKeyRef":|"configMapKeyRef":|"secret":\{/.test(s),
    "typed container `env`, `volumes`; `valueFrom.configMapKeyRef`",
  ],
  ["daemon", (s) => s.includes('"daemon":'), "template option `daemon: true`"],
  ["sidecars", (s) => s.includes('"sidecars":'), "template option `sidecars`"],
  ["init containers", (s) => s.includes('"initContainers":'), "template option `initContainers`"],
  ["probes", (s) => /"readinessProbe":|"livenessProbe":/.test(s), "typed container fields"],
  ["podSpecPatch", (s) => s.includes('"podSpecPatch":'), "workflow and template option `podSpecPatch`"],
  [
    "securityContext",
    (s) => s.includes('"securityContext":'),
    "workflow option `securityContext`, container `securityContext`",
  ],
  ["resources", (s) => s.includes('"resources":'), "container `resources`"],
  [
    "nodeSelector / tolerations / affinity",
    (s) => /"nodeSelector":|"tolerations":|"affinity":/.test(s),
    "workflow and template options",
  ],
  ["serviceAccountName", (s) => s.includes('"serviceAccountName":'), "workflow option `serviceAccountName`"],
  ["podGC", (s) => s.includes('"podGC":'), "workflow option `podGC`"],
  ["ttlStrategy", (s) => s.includes('"ttlStrategy":'), "workflow option `ttlStrategy`"],
  ["podMetadata", (s) => s.includes('"podMetadata":'), "workflow option `podMetadata`; template option `metadata`"],
  [
    "Workflow metadata (labels, annotations)",
    (s) => /"metadata":\{[^}]*"(labels|annotations)"/.test(s),
    "`labels`, `annotations`, `metadata` workflow options",
  ],
  ["templateDefaults", (s) => s.includes('"templateDefaults":'), "workflow option `templateDefaults`"],
  ["Executor plugins", (s) => s.includes('"executor":'), "`plugin(...)`; template option `executor`"],
  ["WorkflowEventBinding", (s) => s.includes('"kind":"WorkflowEventBinding"'), "`workflowEventBinding(options)`"],
];

function argoKinds(docs) {
  return docs.filter((d) => d && typeof d === "object" && String(d.apiVersion ?? "").startsWith("argoproj.io/"));
}

export function survey() {
  const files = readdirSync(VENDOR)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  return files.map((f) => {
    const name = f.slice(0, -5);
    const docs = parseK8sYaml(readFileSync(join(VENDOR, f), "utf8"), f);
    const argo = argoKinds(docs);
    const kinds = docs.map((d) => d?.kind).filter(Boolean);
    const reproduced = existsSync(join(EXAMPLES, `${name}.ts`));
    let status;
    if (reproduced) status = "reproduced";
    else if (argo.length === 0) status = `out of scope: holds no Argo kind (${[...new Set(kinds)].join(", ")})`;
    else status = `not reproduced: ${PENDING[name] ?? "no reproduction yet"}`;
    return { name, file: f, kinds, argo: argo.length > 0, reproduced, status, text: JSON.stringify(docs) };
  });
}

export function render() {
  const rows = survey();
  const done = rows.filter((r) => r.reproduced).length;
  const argo = rows.filter((r) => r.argo).length;
  const lines = [];
  lines.push("# Coverage of Argo's upstream examples");
  lines.push("");
  lines.push(
    "<!-- Generated by scripts/coverage.mjs; do not edit. The golden test (test/upstream) fails when this file is stale. -->",
  );
  lines.push("");
  lines.push(
    `The ${rows.length} example files of Argo Workflows v4.1 vendored in \`vendor/argo/examples/\` (Apache-2.0, see \`vendor/argo/NOTICE.md\`). ` +
      `Each one with an Argo kind is reproduced by \`examples/upstream/<name>.ts\`, written with the typed API; ` +
      "`test/upstream/upstream.test.ts` compiles every reproduction and compares it with the upstream file, equal up to what Kubernetes treats as equal " +
      "(key order, the order of `spec.templates`, int-or-string fields, YAML 1.1 scalars), checks the documents come out in the upstream order " +
      "(the order the module defines its objects in), and validates every manifest against Argo's CRD schema.",
  );
  lines.push("");
  lines.push(
    `Reproduced: **${done} of ${argo}** files with Argo kinds; ${rows.length - argo} files hold no Argo kind and are out of scope.`,
  );
  lines.push("");
  lines.push("## Examples");
  lines.push("");
  lines.push("| Upstream file | Kinds | Status |");
  lines.push("| --- | --- | --- |");
  for (const r of rows) {
    const link = r.reproduced ? `[reproduced](../examples/upstream/${r.name}.ts)` : r.status;
    lines.push(`| \`${r.file}\` | ${r.kinds.join(", ")} | ${link} |`);
  }
  lines.push("");
  lines.push("## Features");
  lines.push("");
  lines.push(
    "The Argo features the upstream examples use (detected in their manifests), the wfc API that covers each, and how many examples use it.",
  );
  lines.push("");
  lines.push("| Feature | wfc API | Examples (reproduced / using it) |");
  lines.push("| --- | --- | --- |");
  for (const [feature, detect, api] of FEATURES) {
    const using = rows.filter((r) => r.argo && detect(r.text));
    const rep = using.filter((r) => r.reproduced);
    lines.push(`| ${feature} | ${api.replaceAll("|", "\\|")} | ${rep.length} / ${using.length} |`);
  }
  lines.push("");
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render();
  if (process.argv.includes("--check")) {
    const current = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
    if (current !== text) {
      process.stderr.write("docs/coverage.md is stale: run `node scripts/coverage.mjs`\n");
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    process.stdout.write(`wrote docs/coverage.md\n`);
  }
}
