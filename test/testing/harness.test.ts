// The testing harness on small workflows written here: failure paths (retries with backoff,
// continueOn, depends on failure, exit handlers seeing workflow.status), lookups, mistakes in mocks,
// and what needs an engine. Everything runs on the virtual clock.

import { fail, HarnessCodes, mock, runWorkflow, virtualClock } from "@wfc/runner/testing";
import {
  container,
  eq,
  ne,
  nodeScript,
  parallel,
  param,
  steps,
  suspend,
  type Task,
  templateRef,
  vars,
  workflow,
  workflowTemplate,
  z,
} from "@wfc/sdk";
import { describe, expect, it } from "vitest";

const flaky = container(
  {
    name: "flaky",
    outputs: { n: param(z.number(), { valueFrom: { path: "/tmp/n" } }) },
    retryStrategy: { limit: 3, retryPolicy: "OnFailure", backoff: { duration: "1m", factor: 2 } },
  },
  { image: "alpine", command: ["sh", "-c", "echo 1 > /tmp/n"] },
);
const after = container({ name: "after", inputs: { n: z.number() } }, ({ n }) => ({
  image: "alpine",
  args: [`${n}`],
}));
const step = container({ name: "step" }, { image: "alpine", command: ["true"] });

describe("retries", () => {
  const wf = workflow({ generateName: "retry-" }, () => {
    const f = flaky();
    after({ n: f.outputs.n });
  });

  it("a mock failing twice then succeeding makes three attempts, the backoff on the virtual clock", async () => {
    const clock = virtualClock();
    const run = await runWorkflow(wf, {
      clock,
      mocks: [
        mock(flaky, (_in, { retry }) =>
          retry < 2 ? fail({ exitCode: 3, message: `attempt ${retry} failed` }) : { n: 7 },
        ),
        mock(after, {}),
      ],
    });
    expect(run.phase).toBe("Succeeded");
    const f = run.node(flaky);
    expect(f.type).toBe("Retry");
    expect(f.attempts).toBe(3);
    expect(f.outputs.n).toBe(7);
    expect(run.pods.filter((p) => p.templateName === "flaky").map((p) => p.retry)).toEqual([0, 1, 2]);
    // backoff 1m then 2m, in virtual time
    expect(clock.elapsed()).toBeGreaterThanOrEqual(3 * 60_000);
    expect(run.node(after).status.inputs?.parameters?.[0]?.value).toBe("7");
  });

  it("a mock that always fails exhausts the limit: limit + 1 attempts, the workflow fails, the next task is omitted", async () => {
    const run = await runWorkflow(wf, { mocks: [mock(flaky, fail({ exitCode: 2 })), mock(after, {})] });
    expect(run.phase).toBe("Failed");
    const f = run.node(flaky);
    expect(f.phase).toBe("Failed");
    expect(f.attempts).toBe(4);
    expect(f.exitCode).toBe(2);
    expect(() => f.outputs.n).toThrow(expect.objectContaining({ code: HarnessCodes.noOutput }));
    expect(run.skipped.map((n) => n.displayName)).toEqual(["after"]);
    expect(run.node("after").phase).toBe("Omitted");
  });
});

describe("continueOn, depends on failure", () => {
  it("continueOn: { failed: true } lets the DAG go on and succeed", async () => {
    const wf = workflow({ generateName: "continue-" }, () => {
      const a = step({}, { name: "a", extra: { continueOn: { failed: true } } });
      step({}, { name: "b", after: a });
    });
    const run = await runWorkflow(wf, { mocks: [mock({ task: "a" }, fail("boom")), mock(step, {})] });
    expect(run.node("a").phase).toBe("Failed");
    expect(run.node("a").message).toBe("boom");
    expect(run.node("b").phase).toBe("Succeeded");
    expect(run.phase).toBe("Succeeded");
  });

  it("a `depends: a.failed` branch runs when a fails, and the success branch is omitted", async () => {
    let handled: Task | undefined;
    const wf = workflow({ generateName: "on-failure-" }, () => {
      const a = step({}, { name: "a" });
      handled = step({}, { name: "recover", depends: a.failed });
      step({}, { name: "publish", depends: a.succeeded });
    });
    const run = await runWorkflow(wf, { mocks: [mock({ task: "a" }, fail({ exitCode: 1 })), mock(step, {})] });
    expect(run.node(handled!).phase).toBe("Succeeded");
    expect(run.node("publish").phase).toBe("Omitted");
    expect(run.skipped.map((n) => n.displayName)).toEqual(["publish"]);
    expect(run.node("recover").seq.start).toBeGreaterThan(run.node("a").seq.end!);
    // Argo: an omitted task inherits its branch's phase (Failed from a), so the DAG fails.
    expect(run.phase).toBe("Failed");
  });

  it("when a succeeds the failure branch is omitted", async () => {
    const wf = workflow({ generateName: "on-failure-" }, () => {
      const a = step({}, { name: "a" });
      step({}, { name: "recover", depends: a.failed });
    });
    const run = await runWorkflow(wf, { mocks: [mock(step, {})] });
    expect(run.node("recover").phase).toBe("Omitted");
    expect(run.phase).toBe("Succeeded");
  });
});

describe("exit handlers", () => {
  const notify = container({ name: "notify", inputs: { status: z.string(), failures: z.string() } }, ({ status }) => ({
    image: "alpine",
    args: [status],
  }));
  const celebrate = container({ name: "celebrate" }, { image: "alpine", command: ["true"] });
  const cry = container({ name: "cry" }, { image: "alpine", command: ["true"] });
  const exitHandler = steps({ name: "exit-handler" }, () => {
    parallel(() => {
      notify({ status: vars.workflow.status, failures: vars.workflow.failures });
      celebrate({}, { when: eq(vars.workflow.status, "Succeeded") });
      cry({}, { when: ne(vars.workflow.status, "Succeeded") });
    });
  });
  const wf = workflow({ generateName: "exit-", onExit: exitHandler }, () => {
    step({}, { name: "work" });
  });

  it("sees workflow.status == Failed (and workflow.failures) after a mocked failure", async () => {
    const seen: string[] = [];
    const run = await runWorkflow(wf, {
      mocks: [
        mock({ task: "work" }, fail("disk full")),
        mock(notify, ({ status, failures }, { log }) => {
          seen.push(status, failures);
          log(`notified: ${status}`);
          return {};
        }),
        mock(celebrate, {}),
        mock(cry, {}),
      ],
    });
    expect(run.phase).toBe("Failed");
    expect(seen[0]).toBe("Failed");
    expect(run.node(notify).logs).toEqual(["notified: Failed"]);
    // Argo lists every Failed or Error node: the task and the DAG it failed.
    expect(JSON.parse(seen[1]!)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ displayName: "work", message: "disk full", phase: "Failed", templateName: "step" }),
        expect.objectContaining({ displayName: "exit-test", phase: "Failed", templateName: "main" }),
      ]),
    );
    expect(run.node(cry).phase).toBe("Succeeded");
    expect(run.node(celebrate).phase).toBe("Skipped");
    expect(run.node("work").seq.end).toBeLessThan(run.node(notify).seq.start);
  });

  it("sees Succeeded when the work succeeds", async () => {
    const run = await runWorkflow(wf, {
      mocks: [mock(step, {}), mock(notify, {}), mock(celebrate, {}), mock(cry, {})],
    });
    expect(run.phase).toBe("Succeeded");
    expect(run.node(notify).status.inputs?.parameters?.find((p) => p.name === "status")?.value).toBe("Succeeded");
    expect(run.node(cry).phase).toBe("Skipped");
  });
});

describe("time", () => {
  it("a suspend of an hour and a mock outliving its template's timeout take no real time", async () => {
    const wait = suspend({ name: "wait" }, { duration: "1h" });
    const slow = container({ name: "slow", timeout: "30s" }, { image: "alpine", command: ["sleep", "600"] });
    const wf = workflow({ generateName: "time-" }, () => {
      const w = wait();
      slow({}, { after: w });
    });
    const clock = virtualClock();
    const started = Date.now();
    const run = await runWorkflow(wf, {
      clock,
      mocks: [
        mock(slow, async (_in, { sleep }) => {
          await sleep(600_000);
          return {};
        }),
      ],
    });
    expect(run.node(wait).phase).toBe("Succeeded");
    expect(run.node(slow).phase).toBe("Failed");
    expect(run.phase).toBe("Failed");
    expect(clock.elapsed()).toBeGreaterThanOrEqual(3_600_000 + 30_000);
    expect(clock.elapsed()).toBeLessThan(3_600_000 + 600_000);
    expect(Date.now() - started).toBeLessThan(60_000); // sanity: not an hour (no timing target)
  });
});

describe("mocks and lookups", () => {
  const double = nodeScript({
    inputs: { x: z.number() },
    result: z.number(),
    run: function double({ x }) {
      return x * 2;
    },
  });
  const wf = workflow({ generateName: "lookups-" }, () => {
    const a = double({ x: 2 }, { name: "first" });
    double({ x: a.result }, { name: "second" });
  });

  it("unmocked node scripts run in-process; a task mock wins over running", async () => {
    const run = await runWorkflow(wf);
    expect(run.nodesOf(double).map((n) => n.result)).toEqual([4, 8]);
    expect(run.node("second").logs).toEqual(["8"]);
    const mocked = await runWorkflow(wf, {
      mocks: [mock({ task: "first", template: double }, ({ x }) => ({ result: x + 100 }))],
    });
    expect(mocked.node("first").result).toBe("102");
    expect(mocked.nodesOf(double).map((n) => n.result)).toEqual([102, 204]);
    expect(mocked.pods.map((p) => [p.taskName, p.mocked])).toEqual([
      ["first", true],
      ["second", false],
    ]);
  });

  it("node() names what it cannot find, and asks for nodesOf() when several match", async () => {
    const run = await runWorkflow(wf);
    expect(() => run.node(double)).toThrow(
      expect.objectContaining({ code: HarnessCodes.ambiguousNode, message: expect.stringContaining("first, second") }),
    );
    expect(() => run.node("third")).toThrow(
      expect.objectContaining({
        code: HarnessCodes.noNode,
        message: expect.stringContaining("tasks: lookups-test, first, second"),
      }),
    );
  });

  it("rejects a mock returning an undeclared output, naming it", async () => {
    const bad = mock(flaky, () => ({ n: 1, m: 2 }) as never);
    const w = workflow({ generateName: "bad-" }, () => void flaky());
    await expect(runWorkflow(w, { mocks: [bad] })).rejects.toThrow(
      /the mock of template "flaky" \(node bad-test\.flaky\(0\)\): returned undeclared output "m" \(declared: n\)/,
    );
  });

  it("rejects a mock returning a value its schema refuses", async () => {
    const w = workflow({ generateName: "bad-" }, () => void flaky());
    await expect(runWorkflow(w, { mocks: [mock(flaky, { n: "seven" } as never)] })).rejects.toMatchObject({
      code: HarnessCodes.badMockOutput,
    });
  });

  it("an exception in a mock fails runWorkflow with it", async () => {
    const w = workflow({ generateName: "bad-" }, () => void step());
    const boom = mock(step, () => {
      throw new Error("assertion inside the mock");
    });
    await expect(runWorkflow(w, { mocks: [boom] })).rejects.toThrow("assertion inside the mock");
  });

  it("cannot mock a template that runs no pod", () => {
    expect(() => mock(steps({ name: "s" }, () => void step()) as never, {})).toThrow(
      expect.objectContaining({ code: HarnessCodes.badMock }),
    );
  });

  it("unmocked containers without an engine fail before the run, named", async () => {
    const w = workflow({ generateName: "needs-" }, () => {
      const f = flaky();
      after({ n: f.outputs.n });
      step({}, { name: "s1" });
      step({}, { name: "s2" });
    });
    const called: string[] = [];
    const err = await runWorkflow(w, {
      mocks: [
        mock(flaky, () => {
          called.push("flaky");
          return { n: 1 };
        }),
        mock({ task: "s1" }, {}),
      ],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: HarnessCodes.needsEngine });
    expect((err as Error).message).toMatch(/templates "after", "step" run containers and are not mocked/);
    expect(called).toEqual([]);
  });

  it("typed workflow parameters are checked against their schema", async () => {
    const w = workflow({ generateName: "params-", parameters: { n: z.number().default(1) } }, ({ n }) => {
      // biome-ignore lint/suspicious/noDuplicateTestHooks: `after` is this file's wfc task, not vitest's hook
      after({ n });
    });
    const seen: number[] = [];
    await runWorkflow(w, {
      parameters: { n: 5 },
      mocks: [
        mock(after, ({ n }) => {
          seen.push(n);
          return {};
        }),
      ],
    });
    expect(seen).toEqual([5]);
    await expect(runWorkflow(w, { parameters: { n: "x" as never }, mocks: [mock(after, {})] })).rejects.toThrow(
      /workflow parameter "n"/,
    );
  });

  it("templateRef: a WorkflowTemplate's pods are mocked and looked up by template object", async () => {
    const say = container(
      {
        name: "say-hi",
        inputs: { msg: z.string() },
        outputs: { echoed: param(z.string(), { valueFrom: { path: "/tmp/e" } }) },
      },
      ({ msg }) => ({ image: "alpine", args: [msg] }),
    );
    const lib = workflowTemplate({ name: "lib", templates: [say] });
    const remote = templateRef(lib, say);
    const w = workflow({ generateName: "ref-" }, () => void remote({ msg: "hi" }, { name: "greet" }));
    const run = await runWorkflow(w, {
      templates: [lib],
      mocks: [mock(say, ({ msg }) => ({ echoed: msg.toUpperCase() }))],
    });
    expect(run.phase).toBe("Succeeded");
    expect(run.node(remote).outputs.echoed).toBe("HI");
    expect(run.node(say).displayName).toBe("greet");
  });
});
