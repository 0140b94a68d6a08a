import { container, eq, parallel, steps, workflow } from "@wfc/sdk";

const sh = (name: string, cmd: string) =>
  container({ name }, { image: "alpine:3.23", command: ["sh", "-c"], args: [cmd] });
const flakeyContainer = sh("flakey-container", "exit 1");
const failed = sh("failed", 'echo "the flakey container failed"');
const succeeded = sh("succeeded", 'echo "the flakey container passed"');

const main = steps({ name: "status-reference" }, () => {
  const flakey = flakeyContainer({}, { extra: { continueOn: { failed: true } } });
  parallel(() => {
    failed({}, { when: eq(flakey.status, "Failed") });
    succeeded({}, { when: eq(flakey.status, "Succeeded") });
  });
});

export default workflow({ generateName: "status-reference-", entrypoint: main });
