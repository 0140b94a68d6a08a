import { artifact, container, forSequence, script, steps, workflow, z } from "@wfc/sdk";

const work = { name: "work", mountPath: "/work" };
const MARKERS_S3 = {
  key: "work-avoidance-markers",
  bucket: "my-bucket",
  endpoint: "minio:9000",
  insecure: true,
  accessKeySecret: { name: "my-minio-cred", key: "accesskey" },
  secretKeySecret: { name: "my-minio-cred", key: "secretkey" },
};

// Markers of finished work are loaded at the start and saved at the end (onExit).
const loadMarkers = container(
  { name: "load-markers", inputs: { markers: artifact({ path: "/work/markers", optional: true, s3: MARKERS_S3 }) } },
  {
    image: "busybox",
    command: ["mkdir", "-p", "/work/markers"],
    volumeMounts: [work],
  },
);

// Skips the work when its marker exists.
const echo = script({ name: "echo", inputs: { num: z.string() } }, ({ num }) => ({
  image: "busybox",
  command: ["sh", "-eux"],
  source: `marker=/work/markers/$(date +%Y-%m-%d)-echo-${num}
if [ -e  \${marker} ]; then
  echo "work already done"
  exit 0
fi
echo "working very hard"
# toss a virtual coin and exit 1 if 1
if [ $(($(($RANDOM%10))%2)) -eq 1 ]; then
  echo "oh no!"
  exit 1
fi
touch \${marker}
`,
  volumeMounts: [work],
}));

const saveMarkers = container(
  { name: "save-markers", outputs: { markers: artifact({ path: "/work/markers", s3: MARKERS_S3 }) } },
  {
    image: "busybox",
    command: ["true"],
    volumeMounts: [work],
  },
);

const main = steps({ name: "main" }, () => {
  loadMarkers();
  forSequence({ count: "3" }, (num) => echo({ num }));
});

export default workflow({
  generateName: "work-avoidance-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  volumeClaimTemplates: [
    {
      metadata: { name: "work" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Mi" } } },
    },
  ],
  entrypoint: main,
  onExit: saveMarkers,
});
