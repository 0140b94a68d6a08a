/**
 * Issue 19, messages: kubectl's overriding flags (`--insecure-skip-tls-verify`, `--ca-file`, `--token`)
 * are honoured in Kubernetes mode; credential failures are credential problems, not network ones; a
 * refused Argo Server connection names the address, not the token; an empty or binary kubeconfig and a
 * 300 KB HTML error page give one short line. All through the real binary.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clean,
  type FaultServer,
  faultServer,
  kubeconfigText,
  kubeconfigYaml,
  script,
  wfcWithin,
} from "./fault-servers.js";
import { type Cluster, scratch, startCluster } from "./harness.js";

const DEADLINE = 20_000;
/** What `wfc list` says on stderr when it reached the (empty) namespace. */
const EMPTY = "No workflows found in namespace ci.\n";

let c: Cluster;
let big500: FaultServer;
let caFile: string;
beforeAll(async () => {
  c = await startCluster();
  caFile = path.join(scratch(), "ca.pem");
  writeFileSync(caFile, c.k8s.caPem);
  big500 = await faultServer((_req, res) => {
    res.writeHead(500, { "Content-Type": "text/html" });
    res.end(
      `<html><head><title>500 Internal Server Error</title></head><body>${"<p>stack frame here</p>\n".repeat(13_000)}</body></html>`,
    );
  });
});
afterAll(async () => {
  await big500?.close();
  await c?.close();
});

type R = Awaited<ReturnType<typeof wfcWithin>>;

function oneLine(r: R, pattern: RegExp): void {
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
  expect(clean(r, ["admin-token", "wrong-secret-token"])).toEqual([]);
}

describe.concurrent("flags kubectl has are honoured in Kubernetes mode", () => {
  it("--insecure-skip-tls-verify and --ca-file reach a server whose CA the kubeconfig lacks", async () => {
    const without = await wfcWithin(DEADLINE, ["list", "--context", "noca"], c.env);
    oneLine(without, /TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed .*--ca-file.*--insecure-skip-tls-verify/);
    const insecure = await wfcWithin(DEADLINE, ["list", "--context", "noca", "--insecure-skip-tls-verify"], c.env);
    expect([insecure.code, insecure.stderr]).toEqual([0, EMPTY]);
    const withCa = await wfcWithin(DEADLINE, ["list", "--context", "noca", "--ca-file", caFile], c.env);
    expect([withCa.code, withCa.stderr]).toEqual([0, EMPTY]);
    const missingCa = await wfcWithin(
      DEADLINE,
      ["list", "--context", "noca", "--ca-file", "/nonexistent/ca.pem"],
      c.env,
    );
    oneLine(missingCa, /the CA bundle \(--ca-file \/nonexistent\/ca\.pem\) does not exist/);
  });

  it("--token replaces the kubeconfig user's credentials; ARGO_TOKEN alone is not used and says so", async () => {
    const bad = await wfcWithin(DEADLINE, ["list", "--context", "badtoken"], c.env);
    oneLine(bad, /Unauthorized \(401\)/);
    const good = await wfcWithin(DEADLINE, ["list", "--context", "badtoken", "--token", "admin-token"], c.env);
    expect([good.code, good.stderr]).toEqual([0, EMPTY]);
    expect(c.k8s.requests.at(-1)?.authorization).toBe("Bearer admin-token");
    const env = await wfcWithin(DEADLINE, ["list", "--context", "admin"], { ...c.env, ARGO_TOKEN: "viewer-token" });
    expect(env.code).toBe(0);
    expect(env.stderr).toBe(
      "Warning: ARGO_TOKEN is set but not used: it is the Argo Server's token (set ARGO_SERVER or --argo-server); pass --token to send a token to the Kubernetes API\n" +
        EMPTY,
    );
  });
});

describe("proxy-url", () => {
  it("tunnels through an http:// proxy (CONNECT), TLS to the API server inside; the proxy's password is never printed", async () => {
    const tunnels: { target: string; auth: string | undefined }[] = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on("connect", (req: http.IncomingMessage, client: net.Socket) => {
      tunnels.push({ target: req.url ?? "", auth: req.headers["proxy-authorization"] });
      const [host, port] = (req.url ?? "").split(":");
      const up = net.connect(Number(port), host, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        up.pipe(client);
        client.pipe(up);
      });
      up.on("error", () => client.destroy());
      client.on("error", () => up.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    const proxyUrl = `http://puser:PROXYSECRET@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const ca = Buffer.from(c.k8s.caPem).toString("base64");
      const kc = kubeconfigText(
        kubeconfigYaml(
          c.k8s.httpsUrl,
          ["token: admin-token"],
          [`certificate-authority-data: ${ca}`, `proxy-url: ${proxyUrl}`],
        ),
      );
      const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc });
      expect([r.code, r.stderr]).toEqual([0, EMPTY]);
      expect(tunnels).toEqual([
        { target: new URL(c.k8s.httpsUrl).host, auth: `Basic ${Buffer.from("puser:PROXYSECRET").toString("base64")}` },
      ]);
      proxy.close();
      proxy.closeAllConnections();
      const down = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc });
      oneLine(
        down,
        /^error: cannot reach the proxy http:\/\/<redacted>@127\.0\.0\.1:\d+\/ \(proxy-url in the kubeconfig\) to tunnel to 127\.0\.0\.1:\d+: ECONNREFUSED; check the proxy-url\n$/,
      );
      expect(clean(down, ["PROXYSECRET"])).toEqual([]);
    } finally {
      proxy.close();
    }
  });
});

describe.concurrent("credential failures are credential problems", () => {
  const exec = (command: string, extra: string[] = []): string =>
    kubeconfigText(
      kubeconfigYaml(c.k8s.httpUrl, [
        "exec:",
        "  apiVersion: client.authentication.k8s.io/v1",
        `  command: ${command}`,
        ...extra,
      ]),
    );

  it("an exec plugin that works: its token is sent, KUBERNETES_EXEC_INFO is set", async () => {
    const plugin = script(
      "good-plugin",
      `case "$KUBERNETES_EXEC_INFO" in *ExecCredential*) ;; *) exit 9;; esac
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"admin-token"}}'`,
    );
    const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: exec(plugin) });
    expect([r.code, r.stderr]).toEqual([0, EMPTY]);
  });

  it("an exec plugin that is not installed", async () => {
    const r = await wfcWithin(DEADLINE, ["list"], {
      KUBECONFIG: exec("wfc-no-such-credential-plugin", ['  installHint: "install it with: brew install wfc-auth"']),
    });
    oneLine(
      r,
      /^error: the credential plugin of user "u": "wfc-no-such-credential-plugin" was not found on PATH; install it with: brew install wfc-auth\n$/,
    );
  });

  it("an exec plugin that prints no ExecCredential", async () => {
    const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: exec(script("chatty-plugin", "echo hello")) });
    oneLine(
      r,
      /^error: the credential plugin of user "u" \("chatty-plugin"\) printed 6 bytes that are not JSON; expected an ExecCredential \(client\.authentication\.k8s\.io\/v1\) as JSON on stdout\n$/,
    );
    const wrong = script(
      "wrong-plugin",
      `echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"x"}}'`,
    );
    oneLine(
      await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: exec(wrong) }),
      /printed apiVersion "client\.authentication\.k8s\.io\/v1beta1" while the kubeconfig asks for it/,
    );
  });

  it("a missing client certificate or key file", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "client.crt"), "-----BEGIN CERTIFICATE-----\n");
    const cert = kubeconfigText(
      kubeconfigYaml(c.k8s.httpsUrl, ["client-certificate: missing.crt", "client-key: missing.key"]),
      dir,
    );
    oneLine(
      await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: cert }),
      new RegExp(
        `^error: the client certificate of user "u" of context "ctx" \\(client-certificate ${dir}/missing\\.crt\\) does not exist; fix the path in the kubeconfig\\n$`,
      ),
    );
    const key = kubeconfigText(
      kubeconfigYaml(c.k8s.httpsUrl, ["client-certificate: client.crt", "client-key: missing.key"]),
      dir,
    );
    oneLine(
      await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: key }),
      /the client key of user "u" of context "ctx" \(client-key .*missing\.key\) does not exist/,
    );
    const noKey = kubeconfigText(kubeconfigYaml(c.k8s.httpsUrl, ["client-certificate: client.crt"]), dir);
    oneLine(await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: noKey }), /has a client certificate but no client key/);
  });
});

describe.concurrent("messages say the right thing, briefly", () => {
  it("a refused Argo Server connection names the address, not the token", async () => {
    const r = await wfcWithin(DEADLINE, ["list", "--argo-server", "http://127.0.0.1:1"], {
      KUBECONFIG: "/nonexistent",
    });
    oneLine(
      r,
      /^error: listing workflows in namespace "default": cannot connect to http:\/\/127\.0\.0\.1:1: connection refused; is the server running, and is the server address of --argo-server \(or ARGO_SERVER\) right\?\n$/,
    );
    expect(r.stderr).not.toMatch(/token/);
  });

  it("an empty kubeconfig", async () => {
    const kc = kubeconfigText("");
    oneLine(
      await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc }),
      new RegExp(`^error: kubeconfig ${kc} is empty; it needs clusters, users and contexts`),
    );
    const comments = kubeconfigText("# nothing here\n");
    oneLine(await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: comments }), /is empty/);
  });

  it("a binary kubeconfig: its bytes are never echoed", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      Buffer.from("BINARYSECRET token: x\n"),
      Buffer.alloc(64, 0xff),
    ]);
    const kc = kubeconfigText(bytes);
    const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc });
    oneLine(r, new RegExp(`^error: kubeconfig ${kc} is not a text file \\(${bytes.length} bytes of binary data\\)`));
    expect(clean(r, ["BINARYSECRET", "PNG"])).toEqual([]);
  });

  it("a 300 KB HTML error page is cut, saying how much", async () => {
    const kc = kubeconfigText(kubeconfigYaml(big500.url));
    const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc });
    oneLine(
      r,
      /^error: listing workflows in namespace "ci": ServerError \(500\): 500 Internal Server Error stack frame here .*\.\.\. \(\d{6,} more bytes cut\); the server failed/,
    );
    expect(r.stderr.length).toBeLessThan(1000);
  });
});
