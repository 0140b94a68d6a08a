import { container, forEachParam, parallel, steps, workflow } from "@wfc/sdk";

// Each template holds a mutex while it runs: one at a time per mutex name.
const acquireLock = container(
  { name: "acquire-lock", synchronization: { mutexes: [{ name: "welcome" }] } },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["sleep 20; echo acquired lock"],
  },
);
const acquireLock1 = container(
  { name: "acquire-lock-1", synchronization: { mutexes: [{ name: "test" }] } },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: ["sleep 50; echo acquired lock"],
  },
);

const SECONDS = '["1","2","3","4","5"]';

const main = steps({ name: "synchronization-tmpl-level-mutex-example" }, () => {
  parallel(() => {
    // upstream passes "seconds", which these templates do not declare: an undeclared argument
    forEachParam<string, unknown>(SECONDS, (item) =>
      acquireLock(
        {},
        {
          name: "synchronization-acquire-lock",
          extra: { arguments: { parameters: [{ name: "seconds", value: item }] } },
        },
      ),
    );
    forEachParam<string, unknown>(SECONDS, (item) =>
      acquireLock1(
        {},
        {
          name: "synchronization-acquire-lock1",
          extra: { arguments: { parameters: [{ name: "seconds", value: item }] } },
        },
      ),
    );
  });
});

export default workflow({
  generateName: "synchronization-tmpl-level-mutex-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
