import { artifact, containerSet, workflowTemplate } from "@wfc/sdk";

const GNUPLOT = `set xlabel 'Year'; set ylabel 'Mean';
set grid;
set datafile separator ',';
set term png size 600,400;
set output '/out/assets/global-temp.png';
plot '/in/annual.csv' every 2::0 skip 1 using 2:3 title 'Global Temperature' with lines linewidth 2;
`;

const MAKE_FILES = `cowsay "hello world" > /out/hello.txt

cat > /out/hello.json <<EOF
{"hello": {"world": true}} 
EOF

echo '* {font-family: sans-serif}' > /out/assets/styles.css

cat > /out/index.html <<EOF
<html>
  <head>
    <link rel='stylesheet' href='assets/styles.css' type='text/css'/>
  </head>
  <body>
    <h1>Global Temperature</h1>
    <img src='assets/global-temp.png'/>
  </body>
</html>
EOF

cat > /out/malicious.html <<EOF
<html>
  <body>
    <script>alert(1)</script>
    <p>This page attempts to run a script that shows an alert, but the Argo Server UI Content-Security-Policy will prevent that.</p>
    <p>To check, open your Web Console and see that "Blocked script execution ... because the document's frame is sandboxed." (or similar) is printed.</p>
  </body>
</html>
EOF
`;

/** An output artifact stored as it is (no archive) under `key`. */
const plain = (path: string, key: string) => artifact({ path, s3: { key }, archive: { none: {} } });

// Produces artifacts of different types: single files, a whole directory, tarballs.
const main = containerSet(
  {
    name: "main",
    volumes: [
      { name: "in", emptyDir: {} },
      { name: "out", emptyDir: {} },
    ],
    inputs: {
      temps: artifact({ path: "/in/annual.csv", http: { url: "https://datahub.io/core/global-temp/r/annual.csv" } }),
    },
    outputs: {
      "text-file": plain("/out/hello.txt", "hello.txt"),
      "json-file": plain("/out/hello.json", "hello.json"), // shown with syntax highlighting
      "css-file": plain("/out/assets/styles.css", "styles.css"), // not a known file type
      "malicious-file": plain("/out/malicious.html", "malicious.html"), // tries to run JavaScript
      report: plain("/out", "report/"), // a whole directory
      "tgz-file": artifact({ path: "/out/hello.txt", s3: { key: "file.tgz" } }), // a tgz with one file
      "tgz-dir": artifact({ path: "/out", s3: { key: "dir.tgz" } }), // a tgz with a dir and a file
    },
  },
  {
    volumeMounts: [
      { mountPath: "/in", name: "in" },
      { mountPath: "/out", name: "out" },
    ],
    containers: [
      { name: "setup", image: "argoproj/argosay:v2", command: ["sh", "-c"], args: ["mkdir -p /out/assets\n"] },
      { name: "gnuplot", image: "remuslazar/gnuplot", dependencies: ["setup"], args: ["-e", GNUPLOT] },
      {
        name: "main",
        image: "argoproj/argosay:v2",
        dependencies: ["setup"],
        command: ["sh", "-c"],
        args: [MAKE_FILES],
      },
    ],
  },
);

export default workflowTemplate({
  name: "artifacts",
  annotations: {
    "workflows.argoproj.io/description": "This example shows how to produce different types of artifact.\n",
  },
  entrypoint: main,
});
