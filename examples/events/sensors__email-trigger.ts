/**
 * A sensor that sends an email for every webhook call: Argo Events' example `examples/sensors/email-trigger.yaml`,
 * in TypeScript.
 *
 *   npx wfc build examples/events/sensors__email-trigger.ts
 */
import { emailTrigger, sensor } from "@wfc/events";
import { webhook } from "./event-sources__webhook.js";

export const emailTriggerEventsSensor = sensor({
  name: "email-trigger",
  dependencies: {
    "test-dep": webhook.events.example,
  },
  triggers: (deps) => [
    emailTrigger(
      "email-trigger",
      {
        username: "username",
        smtpPassword: { key: "password", name: "smtp-secret" },
        host: "smtp.example.net",
        port: 587,
        from: "example@email.com",
        subject: "Hello There",
      },
      {
        parameters: [
          deps["test-dep"].data("body.to").to("email.to.-1"),
          deps["test-dep"]
            .dataTemplate(`Hi {{.Input.body.name}},

	Hello There.

Thanks,
Obi`)
            .to("email.body"),
        ],
      },
    ),
  ],
});
