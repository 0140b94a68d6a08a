/**
 * A WorkflowTemplate with steps: greet a list of people in parallel, then say goodbye. Submit
 * it with `wfc submit --from workflowtemplate/greeter` once applied.
 *
 *   npx wfc build examples/workflow-template.ts
 */
import { container, forEach, steps, workflowTemplate, z } from "@wfc/sdk";

export const say = container({ name: "say", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox:1.36",
  command: ["echo"],
  args: [message],
}));

export const greetAll = steps({ name: "greet-all", inputs: { greeting: z.string() } }, ({ greeting }) => {
  forEach(["Ada", "Grace", "Linus"], (who) => say({ message: `${greeting}, ${who}!` }, { name: "greet" }));
  say({ message: "goodbye" }, { name: "farewell" });
});

export default workflowTemplate(
  {
    name: "greeter",
    parameters: { greeting: z.enum(["hello", "hi", "good morning"]).default("hello") },
    entrypointName: "main",
    bodyKind: "steps",
  },
  ({ greeting }) => {
    greetAll({ greeting });
  },
);
