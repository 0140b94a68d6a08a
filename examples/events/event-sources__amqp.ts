/**
 * An event source of type `amqp`: Argo Events' example `examples/event-sources/amqp.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__amqp.ts
 */
import { amqpSource } from "@wfc/events";

export const amqp = amqpSource({
  name: "amqp",
  events: {
    example: {
      url: "amqp://rabbitmq-service.argo-events:5672",
      jsonBody: true,
      exchangeName: "test",
      exchangeType: "fanout",
      routingKey: "hello",
      connectionBackoff: { duration: "10s", steps: 5, factor: 2, jitter: 0.2 },
      exchangeDeclare: { durable: true, autoDelete: false, internal: false, noWait: false },
      queueDeclare: { name: "my-queue-name", durable: false, autoDelete: false, exclusive: true, noWait: false },
      queueBind: { noWait: false },
      consume: {
        consumerTag: "my-consumer-tag",
        autoAck: true,
        exclusive: false,
        noLocal: false,
        noWait: false,
      },
      auth: {
        username: { name: "my-secret", key: "username" },
        password: { name: "my-secret", key: "password" },
      },
    },
  },
});
