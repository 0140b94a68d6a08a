import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, dagYaml, file, startCluster, wfc } from "./harness.js";

// The controller holds each workflow until someone watches it, so the faults
// below hit a watch that is really streaming (no timing guesses).
let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ controller: { stepMs: 10, startWhenWatched: true } });
});
afterAll(() => c.close());

const watchRequests = (name: string) =>
  c.k8s.requests.filter((r) => r.path.endsWith("/workflows") && r.query.fieldSelector === `metadata.name=${name}`);

describe("watch survives the connection", () => {
  it("resumes from the last resourceVersion after a dropped connection", async () => {
    c.k8s.faults.dropWatchAfterEventsOnce = 3;
    const r = await wfc(["submit", file("wf.yaml", dagYaml({ name: "dropped" })), "--watch"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ dropped Succeeded\n$/);
    expect(r.stderr).toMatch(/^warning: watch of dropped interrupted \(.*\); reconnecting in \d\.\ds\n$/);
    const reqs = watchRequests("dropped");
    const lists = reqs.filter((q) => q.query.watch !== "true");
    const watches = reqs.filter((q) => q.query.watch === "true");
    expect(lists).toHaveLength(1); // no re-list: it resumed
    expect(watches).toHaveLength(2);
    expect(Number(watches[1]!.query.resourceVersion)).toBeGreaterThan(Number(watches[0]!.query.resourceVersion));
  });

  it("lists again when the resume answers 410 Gone", async () => {
    c.k8s.faults.goneAfterEventsOnce = 3;
    const r = await wfc(["submit", file("wf.yaml", dagYaml({ name: "expired" })), "--watch"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ expired Succeeded\n$/);
    const reqs = watchRequests("expired");
    expect(reqs.filter((q) => q.query.watch !== "true")).toHaveLength(2); // list, then list again after 410
    expect(reqs.filter((q) => q.query.watch === "true").length).toBeGreaterThanOrEqual(2); // the cut one, the one answered 410
  });

  it("logs -f streams while the workflow runs and ends when it completes", async () => {
    const sub = await wfc(["submit", file("wf.yaml", dagYaml({ name: "follow-me" }))], c.env);
    expect(sub.code).toBe(0);
    expect(c.k8s.store.get("workflows", "ci", "follow-me").status).toBeUndefined(); // held until watched
    const r = await wfc(["logs", "follow-me", "-f"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("a: hello\nb: b ran\n");
    expect(c.k8s.requests.some((q) => q.path.includes("/pods/") && q.query.follow === "true")).toBe(true);
  });

  it("Ctrl-C stops watching cleanly with exit 130 and closes the watch", async () => {
    c.k8s.controller.options.stepMs = 2000;
    let sent = false;
    let child: { kill(sig: NodeJS.Signals): void } | undefined;
    const run = wfc(["submit", file("wf.yaml", dagYaml({ name: "interrupted" })), "--watch"], c.env, {
      onStdout: (chunk) => {
        if (!sent && chunk.includes("Pending")) {
          sent = true;
          child?.kill("SIGINT");
        }
      },
      onSpawn: (p) => (child = p),
    });
    const r = await run;
    c.k8s.controller.options.stepMs = 10;
    expect(r.code).toBe(130);
    expect(r.stderr).toBe("stopped watching interrupted; it keeps running (wfc get interrupted)\n");
  });
});
