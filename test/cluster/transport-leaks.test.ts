/**
 * Issue 19, leaks: nothing secret reaches stdout or stderr through the real `wfc` binary — not from a
 * kubeconfig with a YAML syntax error, not from credentials in a server URL (either mode, with or without
 * --verbose), not from an exec credential plugin's error output.
 */
import { describe, expect, it } from "vitest";
import { clean, kubeconfigText, kubeconfigYaml, script, wfcWithin } from "./fault-servers.js";

const DEADLINE = 20_000;

describe.concurrent("never leak", () => {
  it("a kubeconfig with a YAML syntax error prints the file and line, never the line's content", async () => {
    const text = [
      "apiVersion: v1",
      "clusters:",
      "  - name: c",
      "    cluster: { server: http://127.0.0.1:1 }",
      "users:",
      "  - name: u",
      "    user:",
      "      token: s3cr3t-yaml-token",
      "     bad: [indent",
      "contexts: []",
    ].join("\n");
    const kc = kubeconfigText(text);
    const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: kubeconfig ${kc} is not valid YAML: .* at line \\d+, column \\d+`));
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(clean(r, ["s3cr3t-yaml-token", "bad: [indent"])).toEqual([]);
  });

  for (const verbose of [false, true]) {
    it(`credentials in the server URL are never printed (Kubernetes mode${verbose ? ", --verbose" : ""})`, async () => {
      const kc = kubeconfigText(kubeconfigYaml("http://admin:URLSECRET1@127.0.0.1:1/?token=URLSECRET2"));
      const r = await wfcWithin(DEADLINE, ["list", ...(verbose ? ["--verbose"] : [])], { KUBECONFIG: kc });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /cannot connect to http:\/\/<redacted>@127\.0\.0\.1:1\/\?token=<redacted>: connection refused/,
      );
      expect(clean({ ...r, stderr: verbose ? "" : r.stderr }, ["URLSECRET1", "URLSECRET2"])).toEqual([]);
      expect(r.stderr).not.toContain("URLSECRET");
    });

    it(`credentials in the server URL are never printed (Argo Server mode${verbose ? ", --verbose" : ""})`, async () => {
      const r = await wfcWithin(
        DEADLINE,
        [
          "list",
          "--argo-server",
          "http://admin:URLSECRET3@127.0.0.1:1/?access_token=URLSECRET4",
          ...(verbose ? ["--verbose"] : []),
        ],
        { KUBECONFIG: "/nonexistent" },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cannot connect to http:\/\/<redacted>@127\.0\.0\.1:1\/\?access_token=<redacted>/);
      expect(r.stderr).not.toContain("URLSECRET");
      expect(r.stdout).not.toContain("URLSECRET");
    });
  }

  it("an exec credential plugin's error output is not relayed: the message says it failed and its exit code", async () => {
    const plugin = script("leaky-plugin", 'echo "refresh_token=PLUGINSECRET expired" >&2\nexit 3');
    const kc = kubeconfigText(
      kubeconfigYaml("http://127.0.0.1:1", [
        "exec:",
        "  apiVersion: client.authentication.k8s.io/v1",
        `  command: ${plugin}`,
      ]),
    );
    const r = await wfcWithin(DEADLINE, ["list"], { KUBECONFIG: kc });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: the credential plugin of user "u" \("leaky-plugin"\) failed with exit code 3; its error output \(\d+ bytes\) is not shown as it may hold secrets; run it yourself to see why\n$/,
    );
    expect(clean(r, ["PLUGINSECRET"])).toEqual([]);
  });
});
