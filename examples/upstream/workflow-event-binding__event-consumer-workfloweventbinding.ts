import { workflowEventBinding } from "@wfc/sdk";

// Events whose payload has an appellation submit the WorkflowTemplate "event-consumer" with it.
export const eventConsumer = workflowEventBinding({
  name: "event-consumer",
  selector: 'payload.appellation != ""',
  template: { name: "event-consumer" },
  parameters: { appellation: { event: "payload.appellation" } },
});
