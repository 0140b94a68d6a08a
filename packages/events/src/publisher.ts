import { container, http, type InputsOf, type Template } from "@wfc/sdk";
import type { ZodObject, ZodType } from "zod";
import { fail } from "./errors.js";
import { type Message, type Transport, webhookEndpoint } from "./message.js";

/**
 * The annotation a publishing template carries (`<EventSource>/<event>`): the local runner delivers the
 * template's payload as that event instead of calling the broker.
 *
 * @example
 * ```ts
 * template.metadata.annotations[PUBLISH_ANNOTATION]; // "messages/file-ingested"
 * ```
 */
export const PUBLISH_ANNOTATION = "events.wfc.dev/publish";

/**
 * Options of {@link publisher}.
 *
 * @example
 * ```ts
 * const o: PublisherOptions = { name: "announce", namespace: "argo-events" };
 * ```
 */
export interface PublisherOptions {
  /** The template's name. @default "publish-<message name>" */
  readonly name?: string;
  /** The namespace of the EventSource's Service (webhook), for a workflow running in another namespace. @default the workflow's own */
  readonly namespace?: string;
  /** The client image (bus transports). @default per transport: natsio/nats-box, edenhill/kcat, redis, eclipse-mosquitto */
  readonly image?: string;
}

type Kind = "string" | "number" | "int" | "boolean" | "json";

function kindOf(schema: ZodType): Kind {
  const def = (
    schema as unknown as {
      def: { type: string; innerType?: ZodType; checks?: { _zod?: { def?: { format?: string } } }[] };
    }
  ).def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return def.innerType ? kindOf(def.innerType) : "json";
    case "string":
    case "enum":
      return "string";
    case "number":
      return def.checks?.some((c) => c._zod?.def?.format === "safeint") ? "int" : "number";
    case "int":
      return "int";
    case "boolean":
      return "boolean";
    case "literal": {
      const values = (def as unknown as { values: unknown[] }).values;
      return values.every((v) => typeof v === "string") ? "string" : "json";
    }
    default:
      return "json";
  }
}

/**
 * The Argo expression that builds the payload's JSON from the template's input parameters (numbers with
 * `asFloat`/`asInt`, booleans compared with "true", objects and arrays parsed with `jsonpath`).
 *
 * @example
 * ```ts
 * payloadExpression(z.object({ path: z.string() })); // '{{=toJson({"path": inputs.parameters["path"]})}}'
 * ```
 */
export function payloadExpression(payload: ZodObject): string {
  const fields = Object.entries(payload.shape as Record<string, ZodType>).map(([k, s]) => {
    const ref = `inputs.parameters[${JSON.stringify(k)}]`;
    const kind = kindOf(s);
    const value =
      kind === "string"
        ? ref
        : kind === "number"
          ? `asFloat(${ref})`
          : kind === "int"
            ? `asInt(${ref})`
            : kind === "boolean"
              ? `${ref} == "true"`
              : `jsonpath(${ref}, "$")`;
    return `${JSON.stringify(k)}: ${value}`;
  });
  return `{{=toJson({${fields.join(", ")}})}}`;
}

const IMAGES: Record<Exclude<Transport["type"], "webhook">, string> = {
  nats: "natsio/nats-box:0.14.5",
  kafka: "edenhill/kcat:1.7.1",
  redis: "redis:7-alpine",
  mqtt: "eclipse-mosquitto:2",
};

function busCommand(t: Exclude<Transport, { type: "webhook" }>): {
  script: string;
  env: { name: string; value: string }[];
} {
  switch (t.type) {
    case "nats":
      return {
        script: 'nats pub --server "$WFC_URL" "$WFC_SUBJECT" "$WFC_PAYLOAD"',
        env: [
          { name: "WFC_URL", value: t.url },
          { name: "WFC_SUBJECT", value: t.subject },
        ],
      };
    case "kafka":
      return {
        script: 'printf %s "$WFC_PAYLOAD" | kcat -P -b "$WFC_URL" -t "$WFC_TOPIC" -p "$WFC_PARTITION"',
        env: [
          { name: "WFC_URL", value: t.url },
          { name: "WFC_TOPIC", value: t.topic },
          { name: "WFC_PARTITION", value: t.partition ?? "0" },
        ],
      };
    case "redis":
      return {
        script: 'redis-cli -u "redis://$WFC_HOST/$WFC_DB" PUBLISH "$WFC_CHANNEL" "$WFC_PAYLOAD"',
        env: [
          { name: "WFC_HOST", value: t.hostAddress },
          { name: "WFC_DB", value: String(t.db ?? 0) },
          { name: "WFC_CHANNEL", value: t.channel },
        ],
      };
    case "mqtt":
      return {
        script: 'mosquitto_pub -L "$WFC_URL/$WFC_TOPIC" -m "$WFC_PAYLOAD"',
        env: [
          { name: "WFC_URL", value: t.url.replace(/^tcp:/, "mqtt:").replace(/\/$/, "") },
          { name: "WFC_TOPIC", value: t.topic },
        ],
      };
  }
}

/**
 * The template that emits `message` from a workflow: its inputs are the payload's fields (typed by the
 * payload schema, so a task passes its outputs' `Ref`s and a wrong type does not compile), its body the
 * payload as JSON. A webhook message is an Argo `http` template POSTing to the EventSource's Service
 * (`<source>-eventsource-svc`); a NATS, Kafka, Redis or MQTT message is a small container running the
 * broker's command-line client. `wfc run` and the test harness deliver it to the local Sensors instead.
 *
 * @example
 * ```ts
 * const publishIngested = publisher(fileIngested);
 * const pipeline = dag({ name: "main" }, () => {
 *   const i = ingestFile({ path: "a.csv" });
 *   publishIngested({ path: i.outputs.path, rows: i.outputs.rows });
 * });
 * ```
 */
export function publisher<N extends string, S extends ZodObject, X extends Transport["type"]>(
  message: Message<N, S, X>,
  options: PublisherOptions = {},
): Template<InputsOf<S["shape"]>, {}, string> {
  const name = options.name ?? `publish-${message.name}`;
  const inputs = message.payload.shape as S["shape"];
  const body = payloadExpression(message.payload);
  const metadata = { annotations: { [PUBLISH_ANNOTATION]: `${message.source}/${message.name}` } };
  const t = message.transport as Transport;
  if (t.type === "webhook") {
    const { port, endpoint } = webhookEndpoint(message);
    const host = `${message.source}-eventsource-svc${options.namespace ? `.${options.namespace}.svc` : ""}`;
    return http(
      { name, inputs, metadata },
      {
        url: `http://${host}:${port}${endpoint}`,
        method: "POST",
        headers: [{ name: "Content-Type", value: "application/json" }],
        body,
        successCondition: "response.statusCode == 200",
      },
    ) as unknown as Template<InputsOf<S["shape"]>, {}, string>;
  }
  if (!(t.type in IMAGES))
    return fail("E_EVENTS_MESSAGE", `message ${message.name}: no publisher for transport ${t.type}`);
  const { script, env } = busCommand(t);
  return container(
    { name, inputs, metadata },
    {
      image: options.image ?? IMAGES[t.type],
      command: ["sh", "-c"],
      args: [script],
      env: [...env, { name: "WFC_PAYLOAD", value: body }],
    },
  ) as unknown as Template<InputsOf<S["shape"]>, {}, string>;
}
