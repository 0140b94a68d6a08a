import { container, eq, ne, parallel, steps, vars, workflow } from "@wfc/sdk";

const intentionalFail = container(
  { name: "intentional-fail" },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["echo intentional failure; exit 1"] },
);

const sendEmail = container(
  { name: "send-email" },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [
      `echo send e-mail: ${vars.workflow.name} ${vars.workflow.status} ${vars.workflow.duration}. Failed steps ${vars.workflow.failures}`,
    ],
  },
);
const celebrate = container(
  { name: "celebrate" },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["echo hooray!"] },
);
const cry = container({ name: "cry" }, { image: "alpine:3.23", command: ["sh", "-c"], args: ["echo boohoo!"] });

// Runs at the end of the workflow, whatever its outcome.
const exitHandler = steps({ name: "exit-handler" }, () => {
  parallel(() => {
    sendEmail({}, { name: "notify" });
    celebrate({}, { when: eq(vars.workflow.status, "Succeeded") });
    cry({}, { when: ne(vars.workflow.status, "Succeeded") });
  });
});

export default workflow({
  generateName: "exit-handlers-",
  labels: { "workflows.argoproj.io/no-test": "expected-failure" },
  entrypoint: intentionalFail,
  onExit: exitHandler,
});
