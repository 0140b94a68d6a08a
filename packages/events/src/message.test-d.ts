// One message declaration types both sides: the publishing template's inputs (the producer) and the
// Sensor dependency's payload paths (the consumer). A mismatch on either side does not compile.
import { dag, nodeScript, workflowTemplate, z } from "@wfc/sdk";
import { describe, expectTypeOf, test } from "vitest";
import type { Dependency } from "./event.js";
import { message, messageSource } from "./message.js";
import type { ParamSource } from "./param-source.js";
import { publisher } from "./publisher.js";
import { sensor } from "./sensor.js";
import { argoWorkflowTrigger } from "./workflow-trigger.js";

const fileIngested = message({
  name: "file-ingested",
  source: "messages",
  transport: { type: "webhook" },
  payload: z.object({ path: z.string(), rows: z.number() }),
});
const countRows = nodeScript({
  name: "count",
  inputs: { path: z.string() },
  result: z.number(),
  run: ({ path }) => path.length,
});
const nameOf = nodeScript({
  name: "name-of",
  inputs: { path: z.string() },
  result: z.string(),
  run: ({ path }) => path,
});
const announce = publisher(fileIngested);

const report = nodeScript({ name: "report", inputs: { path: z.string(), rows: z.number() }, run: () => "" });
const reportWf = workflowTemplate({
  name: "report",
  parameters: { path: z.string(), rows: z.number() },
  entrypoint: report,
});
const byName = workflowTemplate({ name: "by-name", parameters: { rows: z.string() }, entrypoint: nameOf });

describe("producer side: the publishing template's inputs are the payload", () => {
  test("outputs of the right type compile; a wrong type or a missing field does not", () => {
    dag({ name: "ok" }, () => {
      const n = countRows({ path: "a.csv" });
      announce({ path: "a.csv", rows: n.result });
    });
    dag({ name: "wrong-type" }, () => {
      const s = nameOf({ path: "a.csv" });
      // @ts-expect-error -- rows is a number in the contract; this output is a string
      announce({ path: "a.csv", rows: s.result });
    });
    dag({ name: "missing" }, () => {
      // @ts-expect-error -- rows is required by the contract
      announce({ path: "a.csv" });
    });
    dag({ name: "literal" }, () => {
      // @ts-expect-error -- a literal of the wrong type
      announce({ path: 3, rows: 1 });
    });
  });
});

describe("consumer side: the dependency's payload is the contract's", () => {
  test("the dependency is typed with the payload under body", () => {
    expectTypeOf(fileIngested.dependency).toEqualTypeOf<
      Dependency<
        { readonly body: { path: string; rows: number } } & {
          readonly header: Readonly<Record<string, readonly string[]>>;
        }
      >
    >();
  });

  test("payload paths and types fill workflow parameters; a mismatch does not compile", () => {
    sensor({
      name: "ok",
      dependencies: { ingested: fileIngested.dependency },
      triggers: (deps) => {
        expectTypeOf(deps.ingested.data("body.rows")).toEqualTypeOf<ParamSource<number>>();
        return [
          argoWorkflowTrigger("report", {
            workflow: reportWf,
            operation: "submit",
            arguments: { path: deps.ingested.data("body.path"), rows: deps.ingested.data("body.rows") },
          }),
        ];
      },
    });
    sensor({
      name: "bad",
      dependencies: { ingested: fileIngested.dependency },
      triggers: (deps) => [
        argoWorkflowTrigger("report", {
          workflow: reportWf,
          operation: "submit",
          // @ts-expect-error -- body.path is a string; the workflow's rows is a number
          arguments: { path: deps.ingested.data("body.path"), rows: deps.ingested.data("body.path") },
        }),
        argoWorkflowTrigger("by-name", {
          workflow: byName,
          operation: "submit",
          // @ts-expect-error -- the contract's rows is a number; this consumer expects a string
          arguments: { rows: deps.ingested.data("body.rows") },
        }),
        argoWorkflowTrigger("report-2", {
          workflow: reportWf,
          operation: "submit",
          // @ts-expect-error -- no field "count" in the contract
          arguments: { path: deps.ingested.data("body.path"), rows: deps.ingested.data("body.count") },
        }),
      ],
    });
  });

  test("a message source takes the messages' names as its events", () => {
    const src = messageSource({ name: "messages", messages: [fileIngested] });
    expectTypeOf(src.events).toHaveProperty("file-ingested");
    // @ts-expect-error -- no such message
    void src.events["file-uploaded"];
  });
});
