import { artifact, container, workflow } from "@wfc/sdk";

const headers = [{ name: "CustomHeader", value: "CustomValue" }];

// WebHDFS through HTTP artifacts: OAuth2 to read, a client certificate to write.
const example = container(
  {
    name: "input-output-artifact-webhdfs-example",
    inputs: {
      "my-art": artifact({
        path: "/my-artifact",
        http: {
          url: "https://mywebhdfsprovider.com/webhdfs/v1/file.txt?op=OPEN",
          auth: {
            oauth2: {
              clientIDSecret: { name: "oauth-sec", key: "clientID" },
              clientSecretSecret: { name: "oauth-sec", key: "clientSecret" },
              tokenURLSecret: { name: "oauth-sec", key: "tokenURL" },
              scopes: ["some", "scopes"],
              endpointParams: [{ key: "customkey", value: "customvalue" }],
            },
          },
          headers,
        },
      }),
    },
    outputs: {
      "my-art2": artifact({
        path: "/my-artifact",
        http: {
          url: "https://mywebhdfsprovider.com/webhdfs/v1/file.txt?op=CREATE&overwrite=true",
          auth: {
            clientCert: {
              clientCertSecret: { name: "cert-sec", key: "certificate.pem" },
              clientKeySecret: { name: "cert-sec", key: "key.pem" },
            },
          },
          headers,
        },
      }),
    },
  },
  { image: "debian:latest", command: ["sh", "-c"], args: ["cat /my-artifact"] },
);

export default workflow({
  generateName: "input-output-artifact-webhdfs-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: example,
});
