import { artifact, forEachParam, script, vars, workflow, z } from "@wfc/sdk";

const wf = vars.workflow.name;
const py = { image: "python:alpine3.23", command: ["python"] };

// Writes numParts JSON documents to the bucket and prints their ids.
const split = script(
  {
    name: "split",
    inputs: { numParts: z.string() },
    outputs: { parts: artifact({ path: "/mnt/out", archive: { none: {} }, s3: { key: `${wf}/parts/` } }) },
    result: z.array(z.string()),
  },
  ({ numParts }) => ({
    ...py,
    source: `import json
import os
import sys
os.mkdir("/mnt/out")
partIds = list(map(lambda x: str(x), range(${numParts})))
for i, partId in enumerate(partIds, start=1):
  with open("/mnt/out/" + partId + ".json", "w") as f:
    json.dump({"foo": i}, f)
json.dump(partIds, sys.stdout)
`,
  }),
);

const map = script(
  {
    name: "map",
    inputs: { partId: z.string(), part: artifact({ path: "/mnt/in/part.json" }) },
    outputs: {
      part: artifact({
        path: "/mnt/out/part.json",
        archive: { none: {} },
        s3: { key: `${wf}/results/${vars.inputs.parameter("partId")}.json` },
      }),
    },
  },
  {
    ...py,
    source: `import json
import os
import sys
os.mkdir("/mnt/out")
with open("/mnt/in/part.json") as f:
  part = json.load(f)
with open("/mnt/out/part.json", "w") as f:
  json.dump({"bar": part["foo"] * 2}, f)
`,
  },
);

const reduce = script(
  {
    name: "reduce",
    inputs: { results: artifact({ path: "/mnt/in", s3: { key: `${wf}/results` } }) },
    outputs: {
      total: artifact({ path: "/mnt/out/total.json", archive: { none: {} }, s3: { key: `${wf}/total.json` } }),
    },
  },
  {
    ...py,
    source: `import json
import os
import sys
total = 0
os.mkdir("/mnt/out")
for f in list(map(lambda x: open("/mnt/in/" + x), os.listdir("/mnt/in"))):
  result = json.load(f)
  total = total + result["bar"]
with open("/mnt/out/total.json" , "w") as f:
  json.dump({"total": total}, f)
`,
  },
);

const DESCRIPTION = `This workflow demonstrates map-reduce using "key-only" artifacts.
The first task "split" produces a number of parts, each in the form of a JSON document, saving it to a bucket.
Each "map" task then reads those documents, performs a map operation, and writes them out to a new bucket.
Finally, "reduce" merges all the mapped documents into a final document.
`;

export default workflow(
  {
    generateName: "map-reduce-",
    annotations: { "workflows.argoproj.io/description": DESCRIPTION, "workflows.argoproj.io/version": ">= 3.0.0" },
    parameters: { numParts: z.string().default("4") },
  },
  ({ numParts }) => {
    const parts = split({ numParts });
    const mapped = forEachParam(parts.result, (partId) =>
      map({ partId, part: { s3: { key: `${wf}/parts/${partId}.json` } } }),
    );
    reduce({}, { after: mapped });
  },
);
