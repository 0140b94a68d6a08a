import { artifact, container, parallel, steps, vars, workflow, z } from "@wfc/sdk";

const SRC = "/go/src/github.com/influxdata/influxdb";
const DEP = `cd ${SRC} && go get github.com/golang/dep/cmd/dep && dep ensure -vendor-only`;
const golang = (args: string, resources?: { memory: string; cpu: string }) => ({
  image: "golang:1.18",
  command: ["/bin/sh", "-c"],
  args: [args],
  ...(resources ? { resources: { requests: resources } } : {}),
});

// The source is checked out from the repository and revision given as workflow parameters.
const checkout = container(
  {
    name: "checkout",
    inputs: {
      source: artifact({
        path: "/src",
        git: { repo: `${vars.workflow.parameter("repo")}`, revision: `${vars.workflow.parameter("revision")}` },
      }),
    },
    outputs: { source: artifact({ path: "/src" }) },
  },
  golang("cd /src && git status && ls -l"),
);

const build = container(
  { name: "build", inputs: { source: artifact({ path: SRC }) }, outputs: { influxd: artifact({ path: "/go/bin" }) } },
  golang(` ${DEP} && go install -v ./... `, { memory: "1024Mi", cpu: "200m" }),
);

const testUnit = container(
  { name: "test-unit", inputs: { source: artifact({ path: SRC }) } },
  golang(` ${DEP} && go test -parallel=1 ./... `),
);

const testCovBase = container(
  {
    name: "test-cov-base",
    inputs: { package: z.string(), source: artifact({ path: SRC }) },
    outputs: { covreport: artifact({ path: "/tmp/index.html" }) },
  },
  ({ package: pkg }) =>
    golang(
      ` ${DEP} && go test -v -coverprofile /tmp/cov.out ./${pkg} && go tool cover -html=/tmp/cov.out -o /tmp/index.html `,
      { memory: "4096Mi", cpu: "200m" },
    ),
);

const testCov = steps({ name: "test-cov", inputs: { source: artifact() } }, ({ source }) => {
  parallel(() => {
    testCovBase({ package: "query", source }, { name: "test-cov-query" });
    testCovBase({ package: "tsdb/engine/tsm1", source }, { name: "test-cov-tsm1" });
  });
});

// The freshly built server runs as a daemon while clients write to and query it.
const influxdbServer = container(
  {
    name: "influxdb-server",
    inputs: { influxd: artifact({ path: "/app" }) },
    daemon: true,
    outputs: { data: artifact({ path: "/var/lib/influxdb/data" }) },
  },
  {
    image: "busybox",
    readinessProbe: { httpGet: { path: "/ping", port: 8086 }, initialDelaySeconds: 5, timeoutSeconds: 1 },
    command: ["/bin/sh", "-c"],
    args: ["chmod +x /app/influxd && /app/influxd"],
    resources: { requests: { memory: "512Mi", cpu: "250m" } },
  },
);

const influxdbClient = container({ name: "influxdb-client", inputs: { cmd: z.string() } }, ({ cmd }) => ({
  image: "curlimages/curl:latest",
  command: ["/bin/sh", "-c"],
  args: [cmd],
  resources: { requests: { memory: "32Mi", cpu: "100m" } },
}));

const testE2e = steps({ name: "test-e2e", inputs: { influxd: artifact() } }, ({ influxd }) => {
  const server = influxdbServer({ influxd });
  const ip = server.attr("ip");
  influxdbClient(
    { cmd: `curl -XPOST 'http://${ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"` },
    { name: "initdb" },
  );
  parallel(() => {
    influxdbClient(
      {
        cmd: `for i in $(seq 1 20); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`,
      },
      { name: "producer1" },
    );
    influxdbClient(
      {
        cmd: `for i in $(seq 1 20); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`,
      },
      { name: "producer2" },
    );
    influxdbClient(
      { cmd: `curl -XPOST 'http://${ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'` },
      { name: "producer3" },
    );
    influxdbClient(
      {
        cmd: `curl --silent -G http://${ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`,
      },
      { name: "consumer" },
    );
  });
});

const influxdbCi = steps({ name: "influxdb-ci" }, () => {
  const source = checkout().outputs.source;
  const built = parallel(() => {
    const b = build({ source });
    testUnit({ source });
    return b;
  });
  parallel(() => {
    testCov({ source });
    testE2e({ influxd: built.outputs.influxd });
  });
});

export default workflow({
  generateName: "influxdb-ci-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  parameters: {
    repo: z.string().default("https://github.com/influxdata/influxdb.git"),
    revision: z.string().default("1.6"),
  },
  entrypoint: influxdbCi,
});
