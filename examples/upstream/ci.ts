import { artifact, container, forEach, steps, vars, workflow, z } from "@wfc/sdk";

const workdir = { name: "workdir", mountPath: "/go" };

// Checks out the revision (a git input artifact) and builds it on the shared volume.
const buildGolangExample = container(
  {
    name: "build-golang-example",
    inputs: {
      revision: z.string(),
      code: artifact({
        path: "/go/src/github.com/golang/example",
        git: { repo: "https://github.com/golang/example.git", revision: `${vars.inputs.parameter("revision")}` },
      }),
    },
  },
  {
    image: "golang:1.8",
    command: ["sh", "-c"],
    args: [" cd /go/src/github.com/golang/example/hello && git status && go build -v . "],
    volumeMounts: [workdir],
  },
);

const runHello = container({ name: "run-hello", inputs: { "os-image": z.string() } }, ({ "os-image": image }) => ({
  image,
  command: ["sh", "-c"],
  args: [" uname -a ; cat /etc/os-release ; /go/src/github.com/golang/example/hello/hello "],
  volumeMounts: [workdir],
}));

const ciExample = steps({ name: "ci-example", inputs: { revision: z.string() } }, ({ revision }) => {
  buildGolangExample({ revision }, { name: "build" });
  forEach(
    [
      { image: "debian", tag: "9.1" },
      { image: "alpine", tag: "3.6" },
      { image: "ubuntu", tag: "17.10" },
    ],
    (os) => runHello({ "os-image": `${os.image}:${os.tag}` }, { name: "test" }),
  );
});

export default workflow({
  generateName: "ci-example-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  parameters: { revision: z.string().default("cfe12d6") },
  volumeClaimTemplates: [
    {
      metadata: { name: "workdir" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    },
  ],
  entrypoint: ciExample,
});
