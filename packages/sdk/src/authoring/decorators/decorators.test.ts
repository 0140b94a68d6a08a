import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  type ArtifactRef,
  AuthoringError,
  artifact,
  CompileError,
  compile,
  container as containerTemplate,
  cronWorkflow,
  nodeScript,
  outputFromPath,
  toYaml,
  validateManifests,
  workflow,
  workflowTemplate,
  z,
} from "../../index.js";
import { type ContainerSpec, container, flow, flows, type Refs, type Tasks, task, tasks } from "./index.js";

// A decorated pipeline and its builder twin: the same tasks, the same wiring. (The builder's
// constants are not named like their functions: esbuild renames a function expression that shares
// its name with the constant holding it, `sum` -> `sum2`, which would change the template.)
class Etl {
  @task({ inputs: { url: z.string(), limit: z.number().default(10) }, result: z.array(z.number()) })
  async extract({ url, limit }: { url: string; limit?: number }): Promise<number[]> {
    return Array.from({ length: limit ?? 10 }, (_, i) => i + url.length);
  }

  @task({
    inputs: { rows: z.array(z.number()) },
    result: z.number(),
    image: "node:22-slim",
    retryStrategy: { limit: 2 },
  })
  sum({ rows }: { rows: number[] }): number {
    return rows.reduce((a, b) => a + b, 0);
  }

  @container({
    inputs: { total: z.number(), data: artifact({ path: "/in" }) },
    outputs: { report: artifact({ path: "/out/report.txt" }), size: outputFromPath(z.number(), "/out/size") },
  })
  publish({
    total,
  }: Refs<{ total: number }> & { data: ArtifactRef }): ContainerSpec<{ report: ArtifactRef; size: number }> {
    return {
      image: "alpine:3.20",
      command: ["sh", "-c"],
      args: [`echo total=${total} > /out/report.txt; wc -c < /out/report.txt > /out/size`],
    };
  }

  @flow({
    generateName: "etl-",
    parameters: { url: z.string().default("https://example.com") },
    labels: { team: "data" },
  })
  static main(t: Tasks<Etl>, { url }: Refs<{ url: string }>) {
    const rows = t.extract({ url });
    const total = t.sum({ rows: rows.result });
    t.publish({ total: total.result, data: { raw: { data: "seed" } } });
  }

  @flow({ name: "etl-template", kind: "WorkflowTemplate" })
  static template(t: Tasks<Etl>) {
    t.sum({ rows: [1, 2, 3] }, { name: "fixed" });
  }

  @flow({ name: "etl-nightly", schedules: ["0 2 * * *"], cron: { timezone: "UTC" } })
  static nightly(t: Tasks<Etl>) {
    t.extract({ url: "https://example.com", limit: 3 });
  }
}

const extractTpl = nodeScript({
  inputs: { url: z.string(), limit: z.number().default(10) },
  result: z.array(z.number()),
  run: async function extract({ url, limit }) {
    return Array.from({ length: limit ?? 10 }, (_, i) => i + url.length);
  },
});
const sumTpl = nodeScript({
  inputs: { rows: z.array(z.number()) },
  result: z.number(),
  image: "node:22-slim",
  retryStrategy: { limit: 2 },
  run: function sum({ rows }) {
    return rows.reduce((a, b) => a + b, 0);
  },
});
const publishTpl = containerTemplate(
  {
    name: "publish",
    inputs: { total: z.number(), data: artifact({ path: "/in" }) },
    outputs: { report: artifact({ path: "/out/report.txt" }), size: outputFromPath(z.number(), "/out/size") },
  },
  ({ total }) => ({
    image: "alpine:3.20",
    command: ["sh", "-c"],
    args: [`echo total=${total} > /out/report.txt; wc -c < /out/report.txt > /out/size`],
  }),
);
const builderMain = workflow(
  { generateName: "etl-", parameters: { url: z.string().default("https://example.com") }, labels: { team: "data" } },
  ({ url }) => {
    const rows = extractTpl({ url });
    const total = sumTpl({ rows: rows.result });
    publishTpl({ total: total.result, data: { raw: { data: "seed" } } });
  },
);
const builderTemplate = workflowTemplate({ name: "etl-template" }, () => {
  sumTpl({ rows: [1, 2, 3] }, { name: "fixed" });
});
const builderNightly = cronWorkflow(
  { name: "etl-nightly", schedules: ["0 2 * * *"], cron: { timezone: "UTC" } },
  () => {
    extractTpl({ url: "https://example.com", limit: 3 });
  },
);

describe("decorators lower to the builder's model", () => {
  const decorated = flows(Etl);
  const pairs = [
    ["Workflow", decorated.main, builderMain],
    ["WorkflowTemplate", decorated.template, builderTemplate],
    ["CronWorkflow", decorated.nightly, builderNightly],
  ] as const;

  it.each(pairs)("a decorated %s compiles to exactly the builder twin's manifest", (kind, d, b) => {
    expect(d.kind).toBe(kind);
    expect(toYaml([compile(d)])).toBe(toYaml([compile(b)]));
  });

  it("the manifests pass Argo's CRD schema", () => {
    const docs = pairs.map(([, d]) => compile(d));
    expect(docs).toHaveLength(3);
    expect(validateManifests(docs)).toEqual([]);
  });

  it("tasks(Class) gives the decorators' templates, named after the methods", () => {
    const t = tasks(Etl);
    expect(Object.keys(t)).toEqual(["extract", "sum", "publish"]);
    expect(t.sum.templateName).toBe("sum");
    expect(tasks(Etl)).toBe(t);
  });

  it("the decorated method is still the plain function (callable, e.g. in a unit test)", async () => {
    expect(new Etl().sum({ rows: [1, 2] })).toBe(3);
    expect(await new Etl().extract({ url: "ab", limit: 2 })).toEqual([2, 3]);
  });

  it("the generated script runs the method's body", () => {
    const m = compile(decorated.main) as unknown as {
      spec: { templates: { name: string; script?: { source: string } }[] };
    };
    const source = m.spec.templates.find((x) => x.name === "sum")!.script!.source;
    const r = spawnSync(process.execPath, ["-e", source], {
      encoding: "utf8",
      env: { ...process.env, WFC_INPUT_0: "[1,2,39]" },
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("42");
  });
});

describe("mistakes the types cannot see are clear errors", () => {
  it("an undecorated instance method", () => {
    class Half {
      @task()
      a(): void {}
      helper(): number {
        return 1;
      }
    }
    expect(() => tasks(Half)).toThrow(AuthoringError);
    expect(() => tasks(Half)).toThrow(/class Half: helper\(\) has no @task or @container decorator/);
  });

  it("a function-valued instance field (typed as a task, but none)", () => {
    class Field {
      @task()
      a(): void {}
      helper = () => 1;
    }
    expect(() => tasks(Field)).toThrow(/class Field: helper\(\) has no @task or @container decorator/);
  });

  it("an undecorated static method, or a class without flows", () => {
    class NoFlow {
      @task()
      a(): void {}
      static util(): void {}
    }
    expect(() => flows(NoFlow)).toThrow(/class NoFlow: static util\(\) has no @flow decorator/);
    class Empty {
      @task()
      a(): void {}
    }
    expect(() => flows(Empty)).toThrow(expect.objectContaining({ code: "E_NO_FLOW" }));
  });

  it("calling a task outside a body", () => {
    class One {
      @task()
      a(): void {}
    }
    expect(() => tasks(One).a()).toThrow(expect.objectContaining({ code: "E_OUTSIDE_BODY" }));
  });

  it("an argument that fails its schema is reported by the compiler, as for the builder", () => {
    class Num {
      @task({ inputs: { n: z.number().int() } })
      show({ n }: { n: number }): number {
        return n;
      }
      @flow({ name: "num" })
      static main(t: Tasks<Num>) {
        t.show({ n: 1.5 });
      }
    }
    expect(() => compile(flows(Num).main)).toThrow(CompileError);
  });

  it("a workflow problem surfaces when the class is defined, as workflow() would throw", () => {
    expect(() => {
      class Nameless {
        @task()
        a(): void {}
        @flow({})
        static main(t: Tasks<Nameless>) {
          t.a();
        }
      }
      return Nameless;
    }).toThrow(expect.objectContaining({ code: "E_NO_NAME" }));
  });

  it("a method name that cannot name a function keeps its method form", () => {
    class Odd {
      @task({ name: "del" })
      delete(): string {
        return "gone";
      }
    }
    const m = compile(workflow({ name: "odd" }, () => void tasks(Odd).delete())) as unknown as {
      spec: { templates: { name: string; script?: { source: string } }[] };
    };
    const source = m.spec.templates.find((x) => x.name === "del")!.script!.source;
    expect(spawnSync(process.execPath, ["-e", source], { encoding: "utf8" }).stdout).toBe("gone");
  });
});
