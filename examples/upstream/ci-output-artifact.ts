import { artifact, container, forEach, steps, workflow, z } from "@wfc/sdk";

const workdir = { name: "workdir", mountPath: "/go" };

const buildGolangExample = container(
  {
    name: "build-golang-example",
    inputs: {
      code: artifact({
        path: "/go/src/github.com/golang/example",
        git: { repo: "https://github.com/golang/example.git", revision: "cfe12d6" },
      }),
    },
  },
  {
    image: "golang:1.8",
    command: ["sh", "-c"],
    args: [" cd /go/src/github.com/golang/example/hello && go build -v . "],
    volumeMounts: [workdir],
  },
);

const runHello = container({ name: "run-hello", inputs: { "os-image": z.string() } }, ({ "os-image": image }) => ({
  image,
  command: ["sh", "-c"],
  args: [" uname -a ; cat /etc/os-release ; /go/src/github.com/golang/example/hello/hello "],
  volumeMounts: [workdir],
}));

// The whole volume becomes the output artifact "release".
const releaseArtifact = container(
  { name: "release-artifact", outputs: { release: artifact({ path: "/go" }) } },
  { image: "alpine:3.23", volumeMounts: [workdir] },
);

const ciExample = steps({ name: "ci-example" }, () => {
  buildGolangExample({}, { name: "build" });
  forEach(
    [
      { image: "debian", tag: "9.1" },
      { image: "alpine", tag: "3.6" },
      { image: "ubuntu", tag: "17.10" },
    ],
    (os) => runHello({ "os-image": `${os.image}:${os.tag}` }, { name: "test" }),
  );
  releaseArtifact({}, { name: "release" });
});

export default workflow({
  generateName: "ci-output-artifact-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  volumeClaimTemplates: [
    {
      metadata: { name: "workdir" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    },
  ],
  entrypoint: ciExample,
});
