import { compile, container, cronWorkflow, MANIFESTS, param, workflow, workflowTemplate, z } from "@wfc/sdk";
import { describe, expect, test } from "vitest";
import { eventBus } from "./event-bus.js";
import { externalEventSource } from "./event-source.js";
import { paramSource } from "./param-source.js";
import { sensor } from "./sensor.js";
import { calendarSource, webhookSource } from "./sources.js";
import { httpTrigger, logTrigger } from "./triggers.js";
import { validateEventsManifest } from "./validate.js";
import { argoWorkflowTrigger, k8sTrigger } from "./workflow-trigger.js";

const say = container(
  { name: "say", inputs: { message: z.string(), count: z.number() } },
  { image: "busybox", command: ["echo"], args: ["{{inputs.parameters.message}}"] },
);
const hello = workflow({
  generateName: "hello-",
  parameters: { count: z.number(), message: param(z.string(), { value: "hi" }) },
  entrypoint: say,
});
const greet = workflowTemplate({
  name: "greet",
  // message has a default: a trigger must give every parameter that has none (count)
  parameters: { message: z.string().default("hello"), count: z.number() },
  entrypoint: say,
});
const hooks = webhookSource({
  name: "webhook",
  events: { example: { port: "12000", endpoint: "/example", method: "POST" } },
});
const ticks = calendarSource({ name: "calendar", events: { "every-10s": { interval: "10s" } } });

describe("event sources", () => {
  test("emit an EventSource with the events under the type key", () => {
    const bus = eventBus({ name: "jet", jetstream: { version: "latest" } });
    const src = webhookSource({
      name: "w",
      namespace: "argo-events",
      eventBus: bus,
      service: { ports: [{ port: 12000, targetPort: 12000 }] },
      events: { a: { port: "12000", endpoint: "/a", method: "POST" } },
    });
    expect(src[MANIFESTS]()).toEqual([
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "EventSource",
        metadata: { name: "w", namespace: "argo-events" },
        spec: {
          eventBusName: "jet",
          service: { ports: [{ port: 12000, targetPort: 12000 }] },
          webhook: { a: { port: "12000", endpoint: "/a", method: "POST" } },
        },
      },
    ]);
    expect(bus[MANIFESTS]()).toEqual([
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "EventBus",
        metadata: { name: "jet" },
        spec: { jetstream: { version: "latest" } },
      },
    ]);
    expect(validateEventsManifest(src.manifest())).toEqual([]);
    expect(src.events.a.eventSourceName).toBe("w");
  });
});

describe("sensor", () => {
  test("dependencies from event handles, filters merged, transform", () => {
    const dep = hooks.events.example
      .filter({ data: [{ path: "body.a", type: "string", value: ["x"] }] })
      .filter(
        {
          data: [{ path: "body.b", type: "number", comparator: ">", value: ["1"] }],
          exprs: [{ expr: "a == 1", fields: [{ name: "a", path: "body.a" }] }],
        },
        "or",
      )
      .transform({ jq: ".body" });
    const s = sensor({ name: "s", dependencies: { dep }, triggers: [logTrigger("log", {})] });
    expect(s.manifest().spec.dependencies).toEqual([
      {
        name: "dep",
        eventSourceName: "webhook",
        eventName: "example",
        filters: {
          data: [
            { path: "body.a", type: "string", value: ["x"] },
            { path: "body.b", type: "number", comparator: ">", value: ["1"] },
          ],
          exprs: [{ expr: "a == 1", fields: [{ name: "a", path: "body.a" }] }],
        },
        filtersLogicalOperator: "or",
        transform: { jq: ".body" },
      },
    ]);
    // the handle itself is unchanged
    expect(hooks.events.example.spec).toEqual({ eventSourceName: "webhook", eventName: "example" });
  });

  test("a workflow trigger embeds the compiled workflow and generates parameters by declared position", () => {
    const s = sensor({
      name: "s",
      dependencies: { hook: hooks.events.example, tick: ticks.events["every-10s"] },
      triggers: (deps) => [
        argoWorkflowTrigger(
          "run",
          {
            workflow: hello,
            operation: "submit",
            arguments: { message: deps.hook.data("body.message"), count: deps.tick.data("eventTime").withDefault("0") },
          },
          {
            conditions: `${deps.hook} && ${deps.tick}`,
            retryStrategy: { steps: 3, duration: "1s" },
            rateLimit: { unit: "Second", requestsPerUnit: 1 },
            dlqTrigger: logTrigger("dlq", { intervalSeconds: 5 }),
          },
        ),
      ],
    });
    const [m, ...rest] = s[MANIFESTS]();
    expect(rest).toEqual([]);
    const t = (m as unknown as ReturnType<typeof s.manifest>).spec.triggers[0]!;
    expect(t.template!.conditions).toBe("hook && tick");
    expect(t.template!.argoWorkflow).toEqual({
      operation: "submit",
      source: { resource: compile(hello) },
      parameters: [
        {
          src: { dependencyName: "tick", dataKey: "eventTime", value: "0" },
          dest: "spec.arguments.parameters.0.value",
        },
        { src: { dependencyName: "hook", dataKey: "body.message" }, dest: "spec.arguments.parameters.1.value" },
      ],
    });
    expect(t.dlqTrigger).toEqual({ template: { name: "dlq", log: { intervalSeconds: 5 } } });
    expect(validateEventsManifest(m)).toEqual([]);
  });

  test("a WorkflowTemplate trigger runs it through workflowTemplateRef and is emitted after the sensor", () => {
    const s = sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: (deps) => [
        k8sTrigger("run", { workflow: greet, operation: "create", arguments: { count: deps.hook.data("body.n") } }),
      ],
    });
    const [m, tpl] = s[MANIFESTS]();
    expect(tpl).toEqual(compile(greet));
    expect((m as unknown as ReturnType<typeof s.manifest>).spec.triggers[0]!.template!.k8s).toEqual({
      operation: "create",
      source: {
        resource: {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Workflow",
          metadata: { generateName: "greet-" },
          spec: { arguments: { parameters: [{ name: "count", value: "" }] }, workflowTemplateRef: { name: "greet" } },
        },
      },
      parameters: [{ src: { dependencyName: "hook", dataKey: "body.n" }, dest: "spec.arguments.parameters.0.value" }],
    });
  });

  test("an argument can be prepended or appended to the parameter's value", () => {
    const s = sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: (deps) => [
        argoWorkflowTrigger("run", {
          workflow: hello,
          operation: "submit",
          arguments: {
            message: deps.hook.data("body.message").prepend(),
            count: deps.hook.data("body.n").withDefault("1").append(),
          },
        }),
      ],
    });
    expect(s.manifest().spec.triggers[0]!.template!.argoWorkflow!.parameters).toEqual([
      {
        src: { dependencyName: "hook", dataKey: "body.n", value: "1" },
        dest: "spec.arguments.parameters.0.value",
        operation: "append",
      },
      {
        src: { dependencyName: "hook", dataKey: "body.message" },
        dest: "spec.arguments.parameters.1.value",
        operation: "prepend",
      },
    ]);
  });

  test("an argoWorkflow trigger can act on a workflow that lives only in the cluster, by kind and name", () => {
    const s = sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: [
        argoWorkflowTrigger("run", { operation: "submit-from", workflow: { kind: "CronWorkflow", name: "nightly" } }),
      ],
    });
    const [m, ...rest] = s[MANIFESTS]();
    expect(rest).toEqual([]);
    expect((m as unknown as ReturnType<typeof s.manifest>).spec.triggers[0]!.template!.argoWorkflow).toEqual({
      operation: "submit-from",
      source: { resource: { apiVersion: "argoproj.io/v1alpha1", kind: "CronWorkflow", metadata: { name: "nightly" } } },
    });
    expect(validateEventsManifest(m)).toEqual([]);
  });

  test("parameter sources: context, templates, raw data", () => {
    const s = sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: (deps) => [
        httpTrigger("post", {
          url: "http://x",
          payload: [
            deps.hook.context("type").to("type"),
            deps.hook.dataTemplate("{{ .Input.body }}").to("body"),
            deps.hook.data().raw().to("raw"),
            deps.hook.contextTemplate("{{ .Input.id }}").to("id", "append"),
          ],
        }),
      ],
    });
    expect(s.manifest().spec.triggers[0]!.template!.http!.payload).toEqual([
      { src: { dependencyName: "hook", contextKey: "type" }, dest: "type" },
      { src: { dependencyName: "hook", dataTemplate: "{{ .Input.body }}" }, dest: "body" },
      { src: { dependencyName: "hook", useRawData: true }, dest: "raw" },
      { src: { dependencyName: "hook", contextTemplate: "{{ .Input.id }}" }, dest: "id", operation: "append" },
    ]);
  });

  test("build-time errors: unknown dependency in conditions or parameters, unknown workflow parameter, cron workflows", () => {
    const gh = externalEventSource("github", ["push"]);
    expect(() =>
      sensor({
        name: "s",
        dependencies: { push: gh.events.push },
        triggers: [logTrigger("l", {}, { conditions: "push || pull" })],
      }).manifest(),
    ).toThrow(/conditions name "pull", which is not a dependency/);
    expect(() =>
      sensor({
        name: "s",
        dependencies: { push: gh.events.push },
        triggers: [httpTrigger("h", { url: "u", payload: [{ src: { dependencyName: "pul" }, dest: "x" }] })],
      }).manifest(),
    ).toThrow(/dependency "pul"/);
    const wrong = { count: undefined, mesage: paramSource({ dependencyName: "push" }) } as never; // what plain JavaScript could pass
    expect(() =>
      sensor({
        name: "s",
        dependencies: { push: gh.events.push },
        triggers: [argoWorkflowTrigger("a", { workflow: hello, arguments: wrong })],
      }).manifest(),
    ).toThrow(/declares no parameter "mesage"/);
    const cron = cronWorkflow({ name: "c", schedules: ["* * * * *"], entrypoint: say } as never);
    expect(() =>
      sensor({
        name: "s",
        dependencies: { push: gh.events.push },
        triggers: [argoWorkflowTrigger("a", { workflow: cron })],
      }).manifest(),
    ).toThrow(/cannot run a CronWorkflow/);
  });
});
