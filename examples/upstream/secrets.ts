import { container, workflow } from "@wfc/sdk";

const printSecret = container(
  { name: "print-secret" },
  {
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [' echo "secret from env: $MYSECRETPASSWORD"; echo "secret from file: `cat /secret/mountpath/mypassword`" '],
    env: [{ name: "MYSECRETPASSWORD", valueFrom: { secretKeyRef: { name: "my-secret", key: "mypassword" } } }],
    volumeMounts: [{ name: "my-secret-vol", mountPath: "/secret/mountpath" }],
  },
);

export default workflow({
  generateName: "secrets-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: printSecret,
  volumes: [{ name: "my-secret-vol", secret: { secretName: "my-secret" } }],
});
