/**
 * The container executor against real containers (podman here): one PodRequest at a time, as the
 * scheduler sends them. Skipped, saying why, when no engine answers.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Template } from "@wfc/sdk/argo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContainerExecutor, parseImageMapEntry } from "../../packages/runner/src/exec/index.js";
import type { PodRequest } from "../../packages/runner/src/executor.js";
import { ARGOSAY_IMAGE, BUSYBOX_IMAGE, containersOf, ensureTestImages, SHIMS, testEngine } from "./images.js";

const { engine, reason } = await testEngine();
if (!engine) console.warn(`skipping container executor tests: ${reason}`);
const RUN = `exec-test-${process.pid}`;

let n = 0;
function request(template: Template, more: Partial<PodRequest> = {}): PodRequest & { logs: string[] } {
  const logs: string[] = [];
  const id = `${RUN}-p${n++}`;
  const workdir = mkdtempSync(join(tmpdir(), "wfc-exec-"));
  return {
    nodeId: id,
    nodeName: id,
    podName: id,
    workflowName: RUN,
    template,
    templateName: template.name ?? "t",
    retry: 0,
    stage: [],
    collect: [],
    volumes: [],
    workdir,
    signal: new AbortController().signal,
    onLog: (line, stream, container) => logs.push(`${container}/${stream}: ${line}`),
    ...more,
    logs,
  };
}

describe.skipIf(!engine)("ContainerExecutor", () => {
  let ex: ContainerExecutor;
  beforeAll(() => {
    ensureTestImages(engine!);
    ex = new ContainerExecutor({
      engine: engine!,
      imageMap: [
        parseImageMapEntry(`busybox=${BUSYBOX_IMAGE}`),
        parseImageMapEntry(`argoproj/argosay:*=${ARGOSAY_IMAGE}`),
        parseImageMapEntry("python:*=rootfs:/"),
      ],
      mounts: [{ hostPath: SHIMS, containerPath: "/usr/local/sbin", readOnly: true }],
    });
  });
  afterAll(async () => {
    await ex?.close();
    if (engine) expect(containersOf(engine, RUN)).toEqual([]);
  });

  it("runs a container: exit code, stdout captured and streamed by line, stderr streamed", async () => {
    const req = request({
      name: "t",
      container: { image: "busybox", command: ["sh", "-c"], args: ["echo one; echo two; echo oops >&2; exit 3"] },
    });
    const r = await ex.run(req);
    expect(r.exitCode).toBe(3);
    expect(r.phase).toBe("Failed");
    expect(r.stdout).toBe("one\ntwo\n");
    expect(req.logs).toEqual(expect.arrayContaining(["main/stdout: one", "main/stdout: two", "main/stderr: oops"]));
  });

  it("keeps the image's entrypoint when the template gives only args (argosay)", async () => {
    const r = await ex.run(
      request({ name: "t", container: { image: "argoproj/argosay:v2", args: ["echo", "hello argo"] } }),
    );
    expect(r).toMatchObject({ exitCode: 0, stdout: "hello argo\n" });
  });

  it("stages files, sets env and workingDir, collects outputs (image: engine cp)", async () => {
    const out = mkdtempSync(join(tmpdir(), "wfc-out-"));
    const req = request(
      {
        name: "t",
        container: {
          image: "busybox",
          command: ["sh", "/argo/staging/script"],
          env: [{ name: "WHO", value: "world" }],
          workingDir: "/tmp",
        },
      },
      {
        stage: [
          {
            containerPath: "/argo/staging/script",
            content: 'echo "hi $WHO from $(pwd)"; mkdir -p /tmp/o/d; echo v > /tmp/o/d/f; cat /in/a.txt > /tmp/y',
          },
          { containerPath: "/in/a.txt", content: "artifact" },
        ],
        collect: [
          { containerPath: "/tmp/y", hostPath: join(out, "y"), optional: false },
          { containerPath: "/tmp/o", hostPath: join(out, "o"), optional: false },
          { containerPath: "/tmp/absent", hostPath: join(out, "absent"), optional: true },
        ],
      },
    );
    const r = await ex.run(req);
    expect(r).toMatchObject({ exitCode: 0, stdout: "hi world from /tmp\n" });
    expect(readFileSync(join(out, "y"), "utf8")).toBe("artifact");
    expect(readFileSync(join(out, "o/d/f"), "utf8")).toBe("v\n");
    expect(existsSync(join(out, "absent"))).toBe(false);
  });

  it("runs on the machine's root file system (rootfs:/) and collects through the wrapper", async () => {
    const out = mkdtempSync(join(tmpdir(), "wfc-out-"));
    const req = request(
      { name: "t", script: { image: "python:3.12", command: ["python"], source: "", args: ["/argo/staging/script"] } },
      {
        stage: [
          {
            containerPath: "/argo/staging/script",
            content: "import sys\nprint(sys.version_info[0])\nopen('/tmp/res','w').write('42')\n",
          },
        ],
        collect: [{ containerPath: "/tmp/res", hostPath: join(out, "res"), optional: false }],
      },
    );
    const r = await ex.run(req);
    expect(r).toMatchObject({ exitCode: 0, stdout: "3\n" });
    expect(readFileSync(join(out, "res"), "utf8")).toBe("42");
  });

  it("reports a missing required output as an Error of the node", async () => {
    const out = mkdtempSync(join(tmpdir(), "wfc-out-"));
    const r = await ex.run(
      request(
        { name: "t", container: { image: "busybox", command: ["true"] } },
        { collect: [{ containerPath: "/tmp/nope", hostPath: join(out, "x"), optional: false }] },
      ),
    );
    expect(r).toMatchObject({ phase: "Error", message: "/tmp/nope no such file or directory" });
  });

  it("reports an image it cannot get on the node, naming the image and --image-map", async () => {
    const r = await ex.run(
      request({ name: "t", container: { image: "example.invalid/nothing:1", command: ["true"] } }),
    );
    expect(r.phase).toBe("Error");
    expect(r.message).toContain("example.invalid/nothing:1");
    expect(r.message).toContain("--image-map 'example.invalid/nothing:1=IMAGE'");
  });

  it("mounts volumes (subPath, readOnly) shared by init containers and main", async () => {
    const vol = mkdtempSync(join(tmpdir(), "wfc-vol-"));
    mkdirSync(join(vol, "sub"));
    const req = request(
      {
        name: "t",
        initContainers: [
          {
            name: "init",
            image: "busybox",
            command: ["sh", "-c", "echo from-init > /w/sub/f"],
            volumeMounts: [{ name: "work", mountPath: "/w" }],
          },
        ],
        container: {
          image: "busybox",
          command: ["sh", "-c", "cat /s/f; echo x > /s/g || echo read-only"],
          volumeMounts: [{ name: "work", mountPath: "/s", subPath: "sub", readOnly: true }],
        },
      },
      { volumes: [{ name: "work", hostPath: vol }] },
    );
    const r = await ex.run(req);
    expect(r).toMatchObject({ exitCode: 0 });
    expect(r.stdout).toContain("from-init");
    expect(r.stdout).toContain("read-only");
    expect(req.logs).toContain("main/stdout: from-init");
  });

  it("a failing init container fails the pod with Argo's message (<name>: Error (exit code N)); main never runs", async () => {
    const req = request({
      name: "t",
      initContainers: [{ name: "prepare", image: "busybox", command: ["sh", "-c", "exit 3"] }],
      container: { image: "busybox", command: ["sh", "-c", "echo main-ran"] },
    });
    const r = await ex.run(req);
    expect(r).toMatchObject({ exitCode: 3, phase: "Failed", message: "prepare: Error (exit code 3)" });
    expect(req.logs).not.toContain("main/stdout: main-ran");
  });

  it("a containerSet container other than main that fails names itself (<name>: Error (exit code N))", async () => {
    const req = request({
      name: "t",
      containerSet: {
        containers: [
          { name: "a", image: "busybox", command: ["sh", "-c", "exit 4"] },
          { name: "main", image: "busybox", command: ["sh", "-c", "echo ok"] },
        ],
      },
    });
    const r = await ex.run(req);
    expect(r).toMatchObject({ exitCode: 4, phase: "Failed", message: "a: Error (exit code 4)" });
  });

  it("runs sidecars in the main container's network: reachable on localhost", async () => {
    const req = request({
      name: "t",
      sidecars: [
        {
          name: "srv",
          image: "busybox",
          command: ["sh", "-c", "echo pong > /tmp/index.html; httpd -f -p 8080 -h /tmp"],
        },
      ],
      container: {
        image: "busybox",
        command: [
          "sh",
          "-c",
          "for i in $(seq 50); do wget -q -O - http://localhost:8080/index.html && exit 0; sleep 0.1; done; exit 1",
        ],
      },
    });
    const r = await ex.run(req);
    expect(r).toMatchObject({ exitCode: 0, stdout: "pong\n" });
  });

  it("runs containerSet containers in one network namespace, as a pod's: a sibling is on localhost", async () => {
    const r = await ex.run(
      request({
        name: "t",
        containerSet: {
          containers: [
            { name: "server", image: "busybox", command: ["sh", "-c", "echo pong | nc -l -p 7000"] },
            {
              name: "main",
              image: "busybox",
              command: [
                "sh",
                "-c",
                "for i in 1 2 3 4 5 6 7 8 9 10; do nc 127.0.0.1 7000 </dev/null && exit 0; sleep 0.3; done; exit 1",
              ],
            },
          ],
        },
      }),
    );
    expect(r).toMatchObject({ exitCode: 0, stdout: "pong\n" });
  });

  it("runs containerSet containers after their dependencies; outputs from main", async () => {
    const vol = mkdtempSync(join(tmpdir(), "wfc-vol-"));
    const r = await ex.run(
      request(
        {
          name: "t",
          containerSet: {
            volumeMounts: [{ name: "ws", mountPath: "/ws" }],
            containers: [
              { name: "a", image: "busybox", command: ["sh", "-c", "sleep 0.3; echo a >> /ws/log"] },
              { name: "b", image: "busybox", command: ["sh", "-c", "echo b >> /ws/log"], dependencies: ["a"] },
              { name: "main", image: "busybox", command: ["cat", "/ws/log"], dependencies: ["b"] },
            ],
          },
        },
        { volumes: [{ name: "ws", hostPath: vol }] },
      ),
    );
    expect(r).toMatchObject({ exitCode: 0, stdout: "a\nb\n" });
  });

  it("a daemon reports daemoned with its IP and runs until stopped; one that dies at once fails", async () => {
    const ctl = new AbortController();
    const r = await ex.run(
      request(
        { name: "d", daemon: true, container: { image: "busybox", command: ["sleep", "30"] } },
        { signal: ctl.signal },
      ),
    );
    expect(r).toMatchObject({ exitCode: 0, daemoned: true });
    expect(r.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    ctl.abort();
    const dead = await ex.run(
      request({ name: "d", daemon: true, container: { image: "busybox", command: ["sh", "-c", "exit 4"] } }),
    );
    expect(dead).toMatchObject({ exitCode: 4, phase: "Failed" });
    expect(dead.daemoned).toBeUndefined();
  });

  it("a daemon with a readinessProbe is daemoned only once the probe passes (tcpSocket, httpGet, exec)", async () => {
    const ctl = new AbortController();
    const connects = (ip: string, port: number) =>
      new Promise<boolean>((res) => {
        const s = connect({ host: ip, port }, () => {
          s.destroy();
          res(true);
        });
        s.on("error", () => res(false));
      });
    // each server starts 2 s late: a 0.5 s grace would report them daemoned before they listen
    const tcp = await ex.run(
      request(
        {
          name: "d",
          daemon: true,
          container: {
            image: "busybox",
            command: ["sh", "-c", "sleep 2; exec nc -ll -p 8080 -e /bin/true"],
            readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 },
          },
        },
        { signal: ctl.signal },
      ),
    );
    expect(tcp).toMatchObject({ exitCode: 0, daemoned: true });
    expect(await connects(tcp.ip!, 8080)).toBe(true);
    const http = await ex.run(
      request(
        {
          name: "d",
          daemon: true,
          container: {
            image: "busybox",
            command: ["sh", "-c", "mkdir -p /www; echo ok > /www/index.html; sleep 2; exec httpd -f -p 8081 -h /www"],
            ports: [{ name: "web", containerPort: 8081 }],
            readinessProbe: { httpGet: { port: "web", path: "/" }, initialDelaySeconds: 1, periodSeconds: 1 },
          },
        },
        { signal: ctl.signal },
      ),
    );
    expect(http).toMatchObject({ exitCode: 0, daemoned: true });
    expect(await (await fetch(`http://${http.ip}:8081/`)).text()).toBe("ok\n");
    const execReq = request(
      {
        name: "d",
        daemon: true,
        container: {
          image: "busybox",
          command: ["sh", "-c", "sleep 2; touch /tmp/ready; exec sleep 30"],
          readinessProbe: { exec: { command: ["test", "-f", "/tmp/ready"] }, periodSeconds: 1 },
        },
      },
      { signal: ctl.signal },
    );
    expect(await ex.run(execReq)).toMatchObject({ exitCode: 0, daemoned: true });
    expect(execFileSync(engine!.bin, ["exec", execReq.podName, "ls", "/tmp"], { encoding: "utf8" })).toContain("ready");
    ctl.abort();
  });

  it("a daemon that ends before its readinessProbe passes is a finished pod, with its exit code", async () => {
    const dead = await ex.run(
      request({
        name: "d",
        daemon: true,
        container: {
          image: "busybox",
          command: ["sh", "-c", "sleep 1; exit 5"],
          // a port nothing above listened on (an address just freed may be handed out again)
          readinessProbe: { tcpSocket: { port: 8099 }, periodSeconds: 1 },
        },
      }),
    );
    expect(dead).toMatchObject({ exitCode: 5, phase: "Failed" });
    expect(dead.daemoned).toBeUndefined();
  });

  it("an aborted pod kills and removes its containers (a sidecar in its network too)", async () => {
    const ctl = new AbortController();
    const req = request(
      {
        name: "t",
        container: { image: "busybox", command: ["sleep", "30"] },
        sidecars: [
          { name: "s", image: "busybox", command: ["no-such-command"] },
          { name: "up", image: "busybox", command: ["sleep", "30"] },
        ],
      },
      { signal: ctl.signal },
    );
    const p = ex.run(req);
    await new Promise((res) => setTimeout(res, 1500));
    ctl.abort();
    const r = await p;
    expect(r.phase).toBe("Failed");
    await ex.close();
    expect(containersOf(engine!, RUN)).toEqual([]);
  });
});

describe("container executor without an engine", () => {
  it.skipIf(!!engine)("is skipped here", () => undefined);
});
