// Build and push an image using Docker Buildkit, without privileged access (unlike Docker in
// Docker): clone the Git repository, build the binary, build and push the image containing it.
// Publishing needs an access token mounted as $DOCKER_CONFIG/config.json (secret docker-config).
import { container, workflowTemplate, z } from "@wfc/sdk";

const work = { mountPath: "/work", name: "work" };

// A shallow clone (--depth, --branch, --single-branch) is the fastest.
const clone = container({ name: "clone", inputs: { repo: z.string(), branch: z.string() } }, ({ repo, branch }) => ({
  volumeMounts: [work],
  image: "alpine/git:v2.26.2",
  workingDir: "/work",
  args: ["clone", "--depth", "1", "--branch", branch, "--single-branch", repo, "."],
}));

const build = container({ name: "build", inputs: { path: z.string() } }, ({ path }) => ({
  image: "golang:1.18",
  volumeMounts: [work],
  workingDir: `/work/${path}`,
  env: [{ name: "GO111MODULE", value: "off" }], // not a Go module
  command: ["go"],
  args: ["build", "-v", "-o", "argosay", "./..."],
}));

// The docker-config secret provides /.docker/config.json to push the image.
const image = container(
  {
    name: "image",
    inputs: { path: z.string(), image: z.string() },
    volumes: [{ name: "docker-config", secret: { secretName: "docker-config" } }],
  },
  ({ path, image }) => ({
    readinessProbe: { exec: { command: ["sh", "-c", "buildctl debug workers"] } },
    image: "moby/buildkit:v0.9.3-rootless",
    volumeMounts: [
      { name: "work", mountPath: "/work" },
      { name: "docker-config", mountPath: "/.docker" },
    ],
    workingDir: `/work/${path}`,
    env: [
      { name: "BUILDKITD_FLAGS", value: "--oci-worker-no-process-sandbox" },
      { name: "DOCKER_CONFIG", value: "/.docker" },
    ],
    command: ["buildctl-daemonless.sh"],
    args: [
      "build",
      "--frontend",
      "dockerfile.v0",
      "--local",
      "context=.",
      "--local",
      "dockerfile=.",
      "--output",
      `type=image,name=docker.io/${image},push=true`,
    ],
  }),
);

export default workflowTemplate(
  {
    name: "buildkit",
    parameters: {
      repo: z.string().default("https://github.com/argoproj/argo-workflows"),
      branch: z.string().default("master"),
      path: z.string().default("test/e2e/images/argosay/v2"),
      image: z.string().default("alexcollinsintuit/argosay:v2"),
    },
    // a volume claim template gives the tasks a shared workspace
    volumeClaimTemplates: [
      {
        metadata: { name: "work" },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "64Mi" } } },
      },
    ],
  },
  ({ repo, branch, path, image: imageName }) => {
    const c = clone({ repo, branch });
    const b = build({ path }, { after: c });
    image({ path, image: imageName }, { after: b });
  },
);
