import { container, parallel, steps, workflow, z } from "@wfc/sdk";

// A daemon keeps running while the next steps use it (through its pod IP).
const influxdb = container(
  { name: "influxdb", daemon: true },
  {
    image: "influxdb:1.2",
    readinessProbe: { httpGet: { path: "/ping", port: 8086 }, initialDelaySeconds: 5, timeoutSeconds: 1 },
  },
);

const influxdbClient = container({ name: "influxdb-client", inputs: { cmd: z.string() } }, ({ cmd }) => ({
  image: "curlimages/curl:latest",
  command: ["sh", "-c"],
  args: [cmd],
}));

const daemonExample = steps({ name: "daemon-example" }, () => {
  const influx = influxdb({}, { name: "influx" });
  const ip = influx.attr("ip");
  influxdbClient(
    { cmd: `curl -XPOST 'http://${ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"` },
    { name: "init-database" },
  );
  parallel(() => {
    influxdbClient(
      {
        cmd: `for i in $(seq 1 10); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`,
      },
      { name: "producer-1" },
    );
    influxdbClient(
      {
        cmd: `for i in $(seq 1 10); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`,
      },
      { name: "producer-2" },
    );
    influxdbClient(
      { cmd: `curl -XPOST 'http://${ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'` },
      { name: "producer-3" },
    );
  });
  influxdbClient(
    {
      cmd: `curl --silent -G http://${ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`,
    },
    { name: "consumer" },
  );
});

export default workflow({ generateName: "daemon-step-", entrypoint: daemonExample });
