import { plugin, workflow } from "@wfc/sdk";

// An executor plugin defined by the workflow itself: a sidecar serving the plugin API.
const PLUGIN_SERVER = `import json
from http.server import BaseHTTPRequestHandler, HTTPServer

class Plugin(BaseHTTPRequestHandler):
    def args(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length"))))

    def reply(self, reply):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(json.dumps(reply).encode("UTF-8"))

    def unsupported(self):
        self.send_response(404)
        self.end_headers()

    def do_POST(self):
        if self.path == "/api/v1/template.execute":
            args = self.args()
            if "workflowLevelHello" in args["template"].get("plugin", {}):
                self.reply({
                    "node": {
                        "phase": "Succeeded",
                        "message": "Hello from a workflow-level executor plugin!"
                    }
                })
            else:
                self.reply({})
        else:
            self.unsupported()

if __name__ == "__main__":
    httpd = HTTPServer(("", 4356), Plugin)
    httpd.serve_forever()
`;

const main = plugin({ name: "main" }, { workflowLevelHello: {} });

export default workflow({
  generateName: "workflow-level-executor-plugin-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  executorPlugins: [
    {
      metadata: { name: "workflow-level-hello-executor-plugin" },
      spec: {
        sidecar: {
          container: {
            name: "workflow-level-hello-executor-plugin",
            image: "python:alpine3.23",
            command: ["python", "-c"],
            args: [PLUGIN_SERVER],
            ports: [{ containerPort: 4356 }],
            resources: { limits: { cpu: "200m", memory: "64Mi" }, requests: { cpu: "100m", memory: "32Mi" } },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ["ALL"] },
              readOnlyRootFilesystem: true,
              runAsNonRoot: true,
            },
          },
        },
      },
    },
  ],
  entrypoint: main,
});
