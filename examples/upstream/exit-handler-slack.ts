import { container, vars, workflow } from "@wfc/sdk";

const sayHello = container(
  { name: "say-hello" },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["echo hello"] },
);

const { name, status } = vars.workflow;
const payload = `{ "text": "${name} finished", "blocks": [ { "type": "section", "text": { "type": "mrkdwn", "text": "Workflow ${name} ${status}", } } ] }`;

// Posts the outcome to Slack when the workflow ends.
const exitHandler = container(
  { name: "exit-handler" },
  {
    image: "curlimages/curl:latest",
    command: ["sh", "-c"],
    args: [`curl -X POST --data-urlencode 'payload=${payload}' YOUR_WEBHOOK_URL_HERE`],
  },
);

export default workflow({
  generateName: "exit-handler-slack-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: sayHello,
  onExit: exitHandler,
});
