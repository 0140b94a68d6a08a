import {
  artifact,
  container,
  dag,
  forEach,
  forEachParam,
  outputFromPath,
  parallel,
  param,
  script,
  steps,
  vars,
  workflow,
  z,
} from "@wfc/sdk";

// A tour of Argo's template variables (every one but the CronWorkflow-only ones). Each is written
// as a typed reference: `vars.*` for the globals, task handles for steps.<name>.* / tasks.<name>.*,
// template inputs for inputs.parameters.<n>, loop items for item / item.<key>.

const { workflow: wf } = vars;
const sh = { image: "alpine:3.23", command: ["sh"] };

// Script template: identity, timestamps, metadata maps, parameters, runtime, node context, its own
// output paths, and (in its metrics) the metric variables. Its outputs are exported with globalName
// for the exit handler (workflow.outputs.*).
const prepare = script(
  {
    name: "prepare",
    metrics: {
      prometheus: [
        {
          name: "prepare_seconds",
          help: "Elapsed seconds for the prepare node.",
          labels: [
            { key: "phase", value: `${vars.status}` },
            { key: "code", value: `${vars.exitCode}` },
            { key: "param", value: `${vars.outputs.parameter("greeting-out")}` },
            { key: "result", value: `${vars.outputs.result}` },
            { key: "cpu", value: `${vars.resourcesDuration("cpu")}` },
            { key: "mem", value: `${vars.resourcesDuration("memory")}` },
          ],
          gauge: { realtime: false, value: `${vars.duration}` },
        },
      ],
    },
    outputs: {
      "greeting-out": outputFromPath(z.string(), "/tmp/out.txt", { globalName: "prepared-param" }),
      prepared: artifact({ path: "/tmp/payload.txt", globalName: "prepared" }),
    },
  },
  {
    ...sh,
    source: `set -eu
# ---- node-ctx ----
echo "node.name           = ${vars.node.name}"
echo "pod.name            = ${vars.pod.name}"
echo "steps.name          = ${vars.steps.name}"
# ---- identity ----
echo "workflow.name       = ${wf.name}"
echo "workflow.namespace  = ${wf.namespace}"
echo "workflow.uid        = ${wf.uid}"
echo "workflow.entrypoint = ${wf.mainEntrypoint}"
echo "workflow.sa         = ${wf.serviceAccountName}"
echo "workflow.priority   = ${wf.priority}"
# ---- timestamps ----
echo "ts.raw              = ${wf.creationTimestamp}"
echo "ts.RFC3339          = ${wf.creationTime("RFC3339")}"
echo "ts.epoch-seconds    = ${wf.creationTime("s")}"
echo "ts.year (strftime)  = ${wf.creationTime("Y")}"
echo "ts.scheduled        = ${wf.scheduledTime}"
# ---- metadata maps ----
echo "annotations.deprec  = ${wf.annotations}"
echo "annotations.json    = ${wf.annotationsJson}"
echo "annotations.owner   = ${wf.annotation("example.io/owner")}"
echo "labels.deprecated   = ${wf.labels}"
echo "labels.json         = ${wf.labelsJson}"
echo "labels.app          = ${wf.label("app")}"
# ---- parameters ----
echo "params.deprecated   = ${wf.parameters}"
echo "params.json         = ${wf.parametersJson}"
echo "params.greeting     = ${wf.parameter("greeting")}"
echo "params.target       = ${wf.parameter("target")}"
# ---- runtime ----
echo "workflow.duration   = ${wf.duration}"
echo "workflow.status     = ${wf.status}"
# ---- output declared paths (pod-side) ----
echo "out.param.path      = ${vars.outputs.parameterPath("greeting-out")}"
echo "out.artifact.path   = ${vars.outputs.artifactPath("prepared")}"
# The final stdout line is captured as outputs.result for this
# script node (exposed downstream as steps.prepare.outputs.result).
printf 'greeting=%s target=%s' '${wf.parameter("greeting")}' '${wf.parameter("target")}' > /tmp/out.txt
cp /tmp/out.txt /tmp/payload.txt
echo "PREPARED"
`,
  },
);

// Script with a retryStrategy: inputs, retry variables, node context. It prints a JSON value on
// stdout because its results are aggregated over a loop.
const perItem = script(
  {
    name: "per-item",
    inputs: { msg: z.string(), ctx: z.string(), "in-art": artifact({ path: "/work/in.txt" }) },
    outputs: { echoed: outputFromPath(z.string(), "/work/echoed.txt") },
    retryStrategy: { limit: "2", retryPolicy: "OnError" },
  },
  ({ msg, ctx }) => ({
    ...sh,
    source: `# Loop aggregation parses each child's stdout as JSON, so
# diagnostics go to stderr and the final line on stdout is a
# JSON value.
{
  set -eu
  # \`item\` and \`item.<key>\` are referenced at the call site
  # (main → fanout arguments) — the static validator does not
  # propagate item scope into inner template bodies.
  # ---- inputs ----
  echo "inputs.parameters   = ${vars.inputsParametersJson}"
  echo "inputs.params.msg   = ${msg}"
  echo "inputs.params.ctx   = ${ctx}"
  echo "inputs.art.path     = ${vars.inputs.artifactPath("in-art")}"
  cat /work/in.txt
  # ---- retry ----
  echo "retries             = ${vars.retries}"
  echo "lastRetry.status    = ${vars.lastRetry.status}"
  echo "lastRetry.exitCode  = ${vars.lastRetry.exitCode}"
  echo "lastRetry.duration  = ${vars.lastRetry.duration}"
  echo "lastRetry.message   = ${vars.lastRetry.message}"
  # ---- node-ctx (also valid here) ----
  echo "node.name           = ${vars.node.name}"
  echo "pod.name            = ${vars.pod.name}"
  # ---- output param path ----
  echo "out.param.path      = ${vars.outputs.parameterPath("echoed")}"
} >&2
printf '%s' '${msg}' > /work/echoed.txt
# outputs.result must be a JSON value for loop aggregation:
printf '{"msg":"%s"}\\n' '${msg}'
`,
  }),
);

// Receives the node-ref and after-loop values the steps body captured.
const consume = container(
  {
    name: "consume",
    inputs: {
      "fanout-result": z.string(),
      "fanout-all-params": z.string(),
      "fanout-named-params": z.string(),
      "prep-id": z.string(),
      "prep-status": z.string(),
      "prep-host": z.string(),
      "svc-ip": z.string(),
      "prep-started": z.string(),
      "prep-finished": z.string(),
      "prep-exit": z.string(),
      "prep-result": z.string(),
      "prep-param": z.string(),
      "step-name": z.string(),
      "seed-art": artifact({ path: "/tmp/seed.txt" }),
    },
  },
  (p) => ({
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [
      `echo "fanout.result        = ${p["fanout-result"]}"
echo "fanout.all-params    = ${p["fanout-all-params"]}"
echo "fanout.echoed-param  = ${p["fanout-named-params"]}"
echo "prepare.id           = ${p["prep-id"]}"
echo "prepare.status       = ${p["prep-status"]}"
echo "prepare.host         = ${p["prep-host"]}"
echo "svc.ip               = ${p["svc-ip"]}"
echo "prepare.startedAt    = ${p["prep-started"]}"
echo "prepare.finishedAt   = ${p["prep-finished"]}"
echo "prepare.exitCode     = ${p["prep-exit"]}"
echo "prepare.result       = ${p["prep-result"]}"
echo "prepare.param        = ${p["prep-param"]}"
echo "current step.name    = ${p["step-name"]}"
echo "seed-art.path        = ${vars.inputs.artifactPath("seed-art")}"
cat /tmp/seed.txt
`,
    ],
  }),
);

// A daemon, so that steps.<name>.ip and tasks.<name>.ip are valid.
const svcDaemon = container(
  { name: "svc-daemon", daemon: true },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["nc -lk -p 9999 -e /bin/true"],
    readinessProbe: { tcpSocket: { port: 9999 }, initialDelaySeconds: 1, timeoutSeconds: 1 },
  },
);

// Optional inputs (empty by default), so that tasks a, b and c-loop share the template.
const optional = param(z.string(), { value: "" });

// Produces outputs.result (a JSON value: c-loop aggregates it), a named output parameter and a
// named output artifact; prints the calling task's name (tasks.name).
const dagLeaf = script(
  {
    name: "dag-leaf",
    inputs: {
      tag: z.string(),
      "a-id": optional,
      "a-status": optional,
      "a-host": optional,
      "svc-ip": optional,
      "a-started": optional,
      "a-finished": optional,
      "a-exit": optional,
      "a-result": optional,
      "a-param": optional,
      "in-art": artifact({ path: "/work/in", optional: true }),
    },
    outputs: { echoed: outputFromPath(z.string(), "/work/out.txt"), bundle: artifact({ path: "/work/bundle.txt" }) },
  },
  (p) => ({
    ...sh,
    source: `# Same JSON-on-stdout convention as per-item: c-loop calls this
# template via withParam, so its result is loop-aggregated.
{
  set -eu
  mkdir -p /work
  # tasks.name is substituted by the controller's local-params pass
  # to the calling task's name (e.g. "a", "b", "c-loop[0]").
  echo "tag=${p.tag} tasks.name=${vars.tasks.name}"
  echo "a-id=${p["a-id"]} status=${p["a-status"]}"
  echo "a-host=${p["a-host"]} svc-ip=${p["svc-ip"]}"
  echo "a-started=${p["a-started"]} finished=${p["a-finished"]}"
  echo "a-exit=${p["a-exit"]} result=${p["a-result"]}"
  echo "a-param=${p["a-param"]}"
} >&2
printf 'tag=%s' '${p.tag}' > /work/out.txt
cp /work/out.txt /work/bundle.txt
printf '{"tag":"%s"}\\n' '${p.tag}'
`,
  }),
);

// Receives the after-loop aggregates of c-loop.
const dagGather = container(
  {
    name: "dag-gather",
    inputs: { "loop-result": z.string(), "loop-all-params": z.string(), "loop-named-params": z.string() },
  },
  (p) => ({
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [
      `echo "c-loop.result       = ${p["loop-result"]}"
echo "c-loop.all-params   = ${p["loop-all-params"]}"
echo "c-loop.named-params = ${p["loop-named-params"]}"
`,
    ],
  }),
);

// DAG body: tasks.<name>.* of a task and a daemon, and the after-loop outputs of a withParam task.
const dagStage = dag({ name: "dag" }, () => {
  const svc = svcDaemon({}, { name: "svc" });
  const a = dagLeaf({ tag: "a" }, { name: "a" });
  // depends "a && svc", from the references
  const b = dagLeaf(
    {
      tag: "b",
      "a-id": a.attr("id"),
      "a-status": a.status,
      "a-host": a.attr("hostNodeName"),
      "svc-ip": svc.attr("ip"),
      "a-started": a.attr("startedAt"),
      "a-finished": a.attr("finishedAt"),
      "a-exit": a.attr("exitCode"),
      "a-result": a.result,
      "a-param": a.outputs.echoed,
      "in-art": a.outputs.bundle,
    },
    { name: "b" },
  );
  const cLoop = forEachParam<string, ReturnType<typeof dagLeaf>>(JSON.stringify(["x", "y", "z"]), (item) =>
    dagLeaf({ tag: item }, { name: "c-loop", after: b }),
  );
  dagGather(
    {
      "loop-result": cLoop.result,
      "loop-all-params": cLoop.attr("outputs.parameters"),
      "loop-named-params": cLoop.outputs.echoed,
    },
    { name: "gather" },
  );
});

// Steps body: steps.<name>.* of a step and a daemon, loop items, the after-loop outputs of a
// withItems step, steps.name, and its own input artifact passed on whole (inputs.artifacts.<n>).
const main = steps({ name: "main", inputs: { seed: artifact() } }, ({ seed }) => {
  const [prep, svc] = parallel(() => [prepare(), svcDaemon({}, { name: "svc" })] as const);
  const fanout = forEach(
    [
      { k: "alpha", v: "1" },
      { k: "beta", v: "2" },
    ],
    (item) =>
      perItem({ msg: `${item.k}=${item.v}`, ctx: `${item}`, "in-art": prep.outputs.prepared }, { name: "fanout" }),
  );
  consume({
    "fanout-result": fanout.result,
    "fanout-all-params": fanout.attr("outputs.parameters"),
    "fanout-named-params": fanout.outputs.echoed,
    "prep-id": prep.attr("id"),
    "prep-status": prep.status,
    "prep-host": prep.attr("hostNodeName"),
    "svc-ip": svc.attr("ip"),
    "prep-started": prep.attr("startedAt"),
    "prep-finished": prep.attr("finishedAt"),
    "prep-exit": prep.attr("exitCode"),
    "prep-result": prep.result,
    "prep-param": prep.outputs["greeting-out"],
    "step-name": vars.steps.name,
    "seed-art": seed,
  });
  dagStage({}, { name: "dag-stage" });
});

const exitReport = container(
  {
    name: "exit-report",
    inputs: {
      "final-status": z.string(),
      "final-duration": z.number(),
      failures: z.string(),
      "global-param": z.string(),
      "global-art": artifact({ path: "/tmp/global.txt" }),
    },
  },
  (p) => ({
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [
      `echo "workflow.status                  = ${p["final-status"]}"
echo "workflow.duration                = ${p["final-duration"]}"
echo "workflow.failures                = ${p.failures}"
echo "workflow.outputs.params.prepared = ${p["global-param"]}"
cat /tmp/global.txt
`,
    ],
  }),
);

// The exit handler: workflow.failures, the final workflow.status and .duration, and the global outputs.
const exitHandler = steps({ name: "exit-handler" }, () => {
  exitReport(
    {
      "final-status": wf.status,
      "final-duration": wf.duration,
      failures: wf.failures,
      "global-param": wf.outputParameter("prepared-param"),
      "global-art": wf.outputArtifact("prepared"),
    },
    { name: "report" },
  );
});

export default workflow({
  generateName: "variables-showcase-",
  annotations: {
    // the source of workflow.scheduledTime
    "workflows.argoproj.io/scheduled-time": "2026-04-29T00:00:00Z",
    "workflows.argoproj.io/description": "Showcase of every non-cronworkflow variable",
    "example.io/owner": "platform-team",
  },
  labels: { app: "variables-demo", tier: "example" },
  serviceAccountName: "default",
  priority: 5,
  // the seed artifact feeds main's input artifact of the same name
  parameters: {
    greeting: z.string().default("hello"),
    target: z.string().default("world"),
    seed: artifact({ raw: { data: "seed-content" } }),
  },
  entrypoint: main,
  onExit: exitHandler,
});
