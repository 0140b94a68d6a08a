import { container, forEachParam, steps, workflow } from "@wfc/sdk";

// At most as many of these run at once as the semaphore allows.
const acquireLock = container(
  { name: "acquire-lock", synchronization: { semaphores: [{ database: { key: "template" } }] } },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["sleep 10; echo acquired lock"],
  },
);

const main = steps({ name: "synchronization-db-tmpl-level-example" }, () => {
  forEachParam<string, unknown>('["1","2","3","4","5"]', (item) =>
    acquireLock(
      {},
      {
        name: "synchronization-acquire-lock",
        extra: { arguments: { parameters: [{ name: "seconds", value: item }] } },
      },
    ),
  );
});

export default workflow({
  generateName: "synchronization-db-tmpl-level-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
