/**
 * An event source of type `hdfs`: Argo Events' example `examples/event-sources/hdfs.yaml`, in TypeScript.
 *
 *   npx wfc build examples/events/event-sources__hdfs.ts
 */
import { hdfsSource } from "@wfc/events";

export const hdfs = hdfsSource({
  name: "hdfs",
  events: {
    example: {
      directory: "/tmp/",
      type: "CREATE",
      path: "x.txt",
      addresses: [
        "my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020",
        "my-hdfs-namenode-1.my-hdfs-namenode.default.svc.cluster.local:8020",
      ],
      hdfsUser: "root",
    },
  },
});
