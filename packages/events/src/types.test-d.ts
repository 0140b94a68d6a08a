import { container, param, workflow, z } from "@wfc/sdk";
import { describe, expectTypeOf, test } from "vitest";
import type { ParamSource, Untyped } from "./param-source.js";
import { sensor } from "./sensor.js";
import { webhookSource } from "./sources.js";
import { logTrigger } from "./triggers.js";
import { argoWorkflowTrigger } from "./workflow-trigger.js";

const say = container({ name: "say", inputs: { message: z.string() } }, { image: "busybox" });
const hello = workflow({
  generateName: "hello-",
  parameters: { message: z.string(), count: param(z.number()) },
  entrypoint: say,
});
const hooks = webhookSource({
  name: "webhook",
  events: { example: { port: "12000", endpoint: "/example", method: "POST" } },
});

describe("compile-time checks", () => {
  test("event names are typed handles", () => {
    expectTypeOf(hooks.events).toHaveProperty("example");
    // @ts-expect-error -- no event "exmaple"
    void hooks.events.exmaple;
  });

  test("event source configuration is checked against the source type", () => {
    // @ts-expect-error -- `prot` is not a field of WebhookEventSource
    webhookSource({ name: "w", events: { a: { prot: "1", port: "1", endpoint: "/", method: "POST" } } });
    // @ts-expect-error -- port is a string
    webhookSource({ name: "w", events: { a: { port: 1, endpoint: "/", method: "POST" } } });
  });

  test("dependency names inside triggers", () => {
    sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: (deps) => {
        expectTypeOf(deps.hook.name).toEqualTypeOf<"hook">();
        // @ts-expect-error -- no dependency "hok"
        void deps.hok;
        return [logTrigger("l", {})];
      },
    });
  });

  test("workflow arguments: names must be declared parameters", () => {
    sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: (deps) => [
        argoWorkflowTrigger("ok", {
          workflow: hello,
          arguments: { message: deps.hook.data("body.message"), count: deps.hook.data("body.count") },
        }),
        argoWorkflowTrigger("typo", {
          workflow: hello,
          // @ts-expect-error -- hello declares no parameter "mesage"
          arguments: { mesage: deps.hook.data("body.message"), count: deps.hook.data("body.count") },
        }),
      ],
    });
  });

  test("workflow arguments: parameters without a value or default are required", () => {
    const defaults = workflow({
      generateName: "d-",
      parameters: { a: z.string().default("x"), b: param(z.string(), { value: "y" }), c: z.string().optional() },
      entrypoint: say,
    });
    sensor({
      name: "s",
      dependencies: { hook: hooks.events.example },
      triggers: (deps) => [
        // @ts-expect-error -- count has no value or default: it must be given
        argoWorkflowTrigger("missing", { workflow: hello, arguments: { message: deps.hook.data("body.message") } }),
        argoWorkflowTrigger("defaults", { workflow: defaults }),
        argoWorkflowTrigger("some", { workflow: defaults, arguments: { a: deps.hook.data("body.a") } }),
      ],
    });
  });

  test("typed payloads: paths and value types are checked", () => {
    const typed = hooks.events.example.payload<{ body: { message: string; count: number } }>();
    sensor({
      name: "s",
      dependencies: { hook: typed, raw: hooks.events.example },
      triggers: (deps) => {
        expectTypeOf(deps.hook.data("body.count")).toEqualTypeOf<ParamSource<number>>();
        expectTypeOf(deps.raw.data("anything.at.all")).toEqualTypeOf<ParamSource<Untyped>>();
        // @ts-expect-error -- no field "body.cont"
        deps.hook.data("body.cont");
        return [
          argoWorkflowTrigger("ok", {
            workflow: hello,
            arguments: { message: deps.hook.data("body.message"), count: deps.hook.data("body.count") },
          }),
          // @ts-expect-error -- count is a number parameter, body.message a string
          argoWorkflowTrigger("bad", { workflow: hello, arguments: { count: deps.hook.data("body.message") } }),
        ];
      },
    });
  });
});
