import { script, workflow } from "@wfc/sdk";

const retryScript = script(
  { name: "retry-script", retryStrategy: { limit: "10" } },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: "import random;\nimport sys; \nexit_code = random.choice([0, 1, 1]); \nsys.exit(exit_code)\n",
  },
);

export default workflow({ generateName: "retry-script-", entrypoint: retryScript });
