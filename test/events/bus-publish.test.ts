// Messages on a bus transport: the publisher is a broker-client container (checked as built YAML and
// against the CRD schema); locally the runner delivers the message instead of running it, with the
// data shape the bus EventSource gives it ({ subject, body } for NATS, { topic, ..., body } for Kafka).
import { argoWorkflowTrigger, message, messageSource, publisher, sensor } from "@wfc/events";
import { runEvents, send } from "@wfc/runner/testing";
import { compile, nodeScript, validateManifest, workflowTemplate, z } from "@wfc/sdk";
import { describe, expect, it } from "vitest";

const orderPlaced = message({
  name: "order-placed",
  source: "orders",
  transport: { type: "nats", url: "nats://nats:4222", subject: "orders.placed" },
  payload: z.object({ id: z.string(), amount: z.number() }),
});
const orderBilled = message({
  name: "order-billed",
  source: "orders",
  transport: { type: "nats", url: "nats://nats:4222", subject: "orders.billed" },
  payload: z.object({ id: z.string(), invoice: z.string(), paid: z.boolean(), lines: z.array(z.string()) }),
});
const orders = messageSource({ name: "orders", messages: [orderPlaced, orderBilled] });

const bill = nodeScript({
  name: "bill",
  inputs: { id: z.string() },
  result: z.string(),
  run: ({ id }) => `invoice-${id}`,
});
const publishBilled = publisher(orderBilled);
const billing = workflowTemplate({ name: "billing", parameters: { id: z.string(), amount: z.number() } }, ({ id }) => {
  const b = bill({ id });
  publishBilled({ id, invoice: b.result, paid: true, lines: ["widget", "gadget"] });
});
const ship = nodeScript({
  name: "ship",
  inputs: { id: z.string(), lines: z.array(z.string()) },
  result: z.string(),
  run: ({ id, lines }) => `${id}: ${lines}`,
});
const shipping = workflowTemplate({
  name: "shipping",
  parameters: { id: z.string(), lines: z.array(z.string()) },
  entrypoint: ship,
});

const onPlaced = sensor({
  name: "on-placed",
  dependencies: {
    placed: orderPlaced.dependency.filter({
      data: [{ path: "body.amount", type: "number", comparator: ">", value: ["0"] }],
    }),
  },
  triggers: (deps) => [
    argoWorkflowTrigger("billing", {
      workflow: billing,
      operation: "submit",
      arguments: { id: deps.placed.data("body.id"), amount: deps.placed.data("body.amount") },
    }),
  ],
});
const onBilled = sensor({
  name: "on-billed",
  dependencies: {
    billed: orderBilled.dependency.filter({ data: [{ path: "body.paid", type: "bool", value: ["true"] }] }),
  },
  triggers: (deps) => [
    argoWorkflowTrigger("shipping", {
      workflow: shipping,
      operation: "submit",
      arguments: { id: deps.billed.data("body.id"), lines: deps.billed.data("body.lines") },
    }),
  ],
});
const SET = [orders, billing, shipping, onPlaced, onBilled];

describe("a NATS message chain", () => {
  it("the EventSource and the publishing container are valid Argo (Events) objects", () => {
    const es = orders.manifest();
    expect(es.spec.nats).toEqual({
      "order-placed": { url: "nats://nats:4222", subject: "orders.placed", jsonBody: true },
      "order-billed": { url: "nats://nats:4222", subject: "orders.billed", jsonBody: true },
    });
    const wt = compile(billing);
    expect(validateManifest(wt)).toEqual([]);
    const t = wt.spec.templates?.find((x) => x.name === "publish-order-billed");
    expect(t?.container?.image).toBe("natsio/nats-box:0.14.5");
    expect(t?.container?.args).toEqual(['nats pub --server "$WFC_URL" "$WFC_SUBJECT" "$WFC_PAYLOAD"']);
    expect(t?.container?.env?.find((e) => e.name === "WFC_PAYLOAD")?.value).toBe(
      '{{=toJson({"id": inputs.parameters["id"], "invoice": inputs.parameters["invoice"], "paid": inputs.parameters["paid"] == "true", "lines": jsonpath(inputs.parameters["lines"], "$")})}}',
    );
    expect(t?.metadata?.annotations).toEqual({ "events.wfc.dev/publish": "orders/order-billed" });
  });

  it("runs locally: the published message is delivered with NATS's data shape, no container runs", async () => {
    const run = await runEvents(SET, [send(orderPlaced, { id: "o-1", amount: 12.5 })]);
    expect(run.events.map((e) => e.ref)).toEqual(["orders/order-placed", "orders/order-billed"]);
    expect(run.events[1]?.data).toEqual({
      subject: "orders.billed",
      body: { id: "o-1", invoice: "invoice-o-1", paid: true, lines: ["widget", "gadget"] },
    });
    expect(run.triggered.map((t) => [t.trigger, t.phase, t.arguments])).toEqual([
      ["billing", "Succeeded", { id: "o-1", amount: "12.5" }],
      ["shipping", "Succeeded", { id: "o-1", lines: '["widget","gadget"]' }],
    ]);
    expect(run.triggeredBy("shipping")[0]?.run?.node(ship).result).toBe("o-1: widget,gadget");
  });

  it("a filter on the bus message rejects it", async () => {
    const run = await runEvents(SET, [send(orderPlaced, { id: "o-2", amount: 0 })]);
    expect(run.triggered).toEqual([]);
    expect(run.events[0]?.dependencies[0]?.passed).toBe(false);
  });
});
