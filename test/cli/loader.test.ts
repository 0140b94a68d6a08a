// The module loader through the real binary: pipelines load wherever they are (outside any
// package, in a commonjs package, without tsconfig.json), what goes wrong while a module loads is
// one line naming the module, a module's open handles or stuck awaits never hang the CLI, and the
// compiled-module cache is reused only while its inputs are unchanged. Every run is bounded in time.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, WFC } from "../helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh directory outside the repository (no package.json, node_modules or tsconfig above it). */
function outsideDir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), "wfc-loader-"));
  dirs.push(d);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, ".."), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `wfc` in `cwd`, killed after 30 s (a hang shows as signal SIGKILL). */
function wfcIn(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [WFC, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", WFC_CACHE_DIR: join(cwd, ".cache"), ...env },
    encoding: "utf8",
    timeout: 30_000,
    killSignal: "SIGKILL",
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const HELLO = `import { container, workflow } from "@wfc/sdk";

const hello = container({ name: "hello" }, { image: "busybox", command: ["echo", "hello"] });

export default workflow({ name: "hello", entrypoint: hello });
`;

describe("pipelines load wherever they are", () => {
  it("a .ts file outside any package resolves @wfc/sdk from wfc's own installation", () => {
    const d = outsideDir({ "hello.ts": HELLO });
    const r = wfcIn(d, ["build", "hello.ts"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("name: hello\n");
  });

  it("in a commonjs package (npm init -y) .ts, .mts and ESM .js pipelines build, and zod resolves too", () => {
    const d = outsideDir({
      "package.json": JSON.stringify({ name: "pipelines", version: "1.0.0", type: "commonjs" }),
      "pipelines/a.ts": HELLO.replace(/hello/g, "a"),
      "pipelines/b.mts": HELLO.replace(/hello/g, "b"),
      "pipelines/c.js": HELLO.replace(/hello/g, "c"),
      "pipelines/d.ts": `import { z } from "zod";\nimport { container, workflow } from "@wfc/sdk";\n\nconst say = container({ name: "say", inputs: { text: z.string() } }, { image: "busybox" });\n\nexport default workflow({ name: "d" }, () => {\n  say({ text: "hi" });\n});\n`,
    });
    const r = wfcIn(d, ["build", "pipelines/", "-o", "name"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "workflow.argoproj.io/a\nworkflow.argoproj.io/b\nworkflow.argoproj.io/c\nworkflow.argoproj.io/d\n",
    );
    const lint = wfcIn(d, ["lint", "pipelines/c.js"]);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toBe("pipelines/c.js: ok (1 manifest)\n");
  });

  it("a CommonJS pipeline (.cjs) builds from its module.exports", () => {
    const d = outsideDir({
      "p.cjs": `const { container, workflow } = require("@wfc/sdk");\nconst hello = container({ name: "hello" }, { image: "busybox" });\nmodule.exports = { pipeline: workflow({ name: "from-cjs", entrypoint: hello }) };\n`,
    });
    writeFileSync(
      join(d, "whole.cjs"),
      `const { container, workflow } = require("@wfc/sdk");\nmodule.exports = workflow({ name: "whole", entrypoint: container({ name: "t" }, { image: "busybox" }) });\n`,
    );
    const r = wfcIn(d, ["build", "p.cjs", "whole.cjs", "-o", "name"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("workflow.argoproj.io/from-cjs\nworkflow.argoproj.io/whole\n");
  });

  it("import.meta.url and import.meta.dirname name the user's file, not the compiled bundle", () => {
    const d = outsideDir({
      "lib/script.sh": "echo from-a-file\n",
      "lib/templates.ts": `import { readFileSync } from "node:fs";\nimport { container } from "@wfc/sdk";\n\nconst text = readFileSync(new URL("./script.sh", import.meta.url), "utf8").trim();\nexport const run = container({ name: "run" }, { image: "busybox", args: [text, import.meta.dirname.endsWith("lib") ? "in-lib" : "elsewhere"] });\n`,
      "p.ts": `import { workflow } from "@wfc/sdk";\nimport { run } from "./lib/templates.js";\n\nexport default workflow({ name: "meta", entrypoint: run });\n`,
    });
    const r = wfcIn(d, ["build", "p.ts"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("- echo from-a-file\n");
    expect(r.stdout).toContain("- in-lib\n");
  });

  it("__dirname and __filename (as tsx gave them in commonjs packages) name the user's file", () => {
    const d = outsideDir({
      "package.json": JSON.stringify({ name: "pipelines", version: "1.0.0", type: "commonjs" }),
      "lib/script.sh": "echo hi\n",
      "p.ts": `import { readFileSync } from "node:fs";\nimport { join } from "node:path";\nimport { container, workflow } from "@wfc/sdk";\n\nconst t = container({ name: "t" }, { image: "busybox", args: [readFileSync(join(__dirname, "lib/script.sh"), "utf8").trim(), __filename.endsWith("p.ts") ? "this-file" : "elsewhere"] });\nexport default workflow({ name: "dirname", entrypoint: t });\n`,
      "c.cjs": `const { container, workflow } = require("@wfc/sdk");\nconst t = container({ name: "t" }, { image: "busybox", args: [require("node:path").basename(__filename)] });\nmodule.exports = { w: workflow({ name: "cjs", entrypoint: t }) };\n`,
    });
    const r = wfcIn(d, ["build", "p.ts", "c.cjs"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("- echo hi\n          - this-file\n");
    expect(r.stdout).toContain("- c.cjs\n");
  });

  it("a helper imported by two pipelines of one build is evaluated once", () => {
    const d = outsideDir({
      "shared.ts": `import { container } from "@wfc/sdk";\nexport const step = container({ name: "step" }, { image: "busybox" });\nprocess.stderr.write("shared evaluated\\n");\n`,
      "a.ts": `import { workflow } from "@wfc/sdk";\nimport { step } from "./shared.js";\nexport default workflow({ name: "a", entrypoint: step });\n`,
      "b.ts": `import { workflow } from "@wfc/sdk";\nimport { step } from "./shared.js";\nexport default workflow({ name: "b", entrypoint: step });\n`,
    });
    const r = wfcIn(d, ["build", "a.ts", "b.ts", "-o", "name"]);
    expect(r.stdout).toBe("workflow.argoproj.io/a\nworkflow.argoproj.io/b\n");
    expect(r.stderr).toBe("shared evaluated\n");
  });
});

describe("what goes wrong while a module loads is one line naming the module", () => {
  it("a missing package names the package and the importing file:line:col", () => {
    const d = outsideDir({
      "etl.ts": `import { workflow } from "@wfc/sdk";\n// a helper library\nimport chunk from "lodash-not-installed/chunk";\n\nexport default workflow({ name: "etl" }, () => chunk);\n`,
    });
    const r = wfcIn(d, ["build", "etl.ts"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "error: cannot find package 'lodash-not-installed' imported from etl.ts:3:19 [E_MODULE_NOT_FOUND]\n",
    );
  });

  it("a missing relative file names the file and where it is imported, also from a helper", () => {
    const d = outsideDir({
      "p.ts": `import { workflow } from "@wfc/sdk";\nimport { x } from "./lib/helper.js";\n\nexport default workflow({ name: "p" }, () => x);\n`,
      "lib/helper.ts": `export { x } from "./gone.js";\n`,
    });
    const r = wfcIn(d, ["build", "p.ts"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: cannot find module './gone.js' imported from lib/helper.ts:1:19 [E_MODULE_NOT_FOUND]\n",
    );
  });

  it.each([
    ["throw {}", "failed to load: the module threw {}"],
    ["throw null", "failed to load: the module threw null"],
    ["throw undefined", "failed to load: the module threw undefined"],
    ['throw "no config"', 'failed to load: the module threw the string "no config"'],
    ["throw { code: 7 }", "failed to load: the module threw { code: 7 }"],
  ])("%s: exit 1 and one line", (statement, message) => {
    const d = outsideDir({
      "bad.ts": `import { workflow } from "@wfc/sdk";\n${statement};\nexport default workflow({ name: "x" }, () => {});\n`,
    });
    const r = wfcIn(d, ["build", "bad.ts"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: bad.ts: ${message} [E_INPUT]\n`);
  });

  it("a top-level await that can never finish: exit 1 naming the module (Node alone exits 13 silently)", () => {
    const d = outsideDir({
      "stuck.mts": `import { workflow } from "@wfc/sdk";\nawait new Promise(() => {});\nexport default workflow({ name: "x" }, () => {});\n`,
    });
    for (const cmd of ["build", "lint", "graph"]) {
      const r = wfcIn(d, [cmd, "stuck.mts"]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "stuck.mts: failed to load: its top-level await never finished (it waits for a promise that nothing is left to settle)",
      );
    }
  });
});

describe("nothing is loaded that the command does not use", () => {
  // Every module resolved (ESM, through a resolve hook) or required (CommonJS) is reported on stderr
  // when it is one of the heavy dependencies.
  const HEAVY = String.raw`@kubernetes[\/]client-node|@wfc[\/]runner|packages[\/]runner|typescript|dagre|@resvg|esbuild[\/]lib|acorn|eslint-scope`;
  const hooks = `import { writeSync } from "node:fs";
export async function resolve(s, c, next) {
  const r = await next(s, c);
  if (/${HEAVY}/.test(r.url)) writeSync(2, "LOADED " + r.url + "\\n");
  return r;
}`;
  const preload = (d: string) => {
    writeFileSync(join(d, "hooks.mjs"), hooks);
    writeFileSync(
      join(d, "spy.mjs"),
      `import { register, createRequire } from "node:module";
import { writeSync } from "node:fs";
register(${JSON.stringify("./hooks.mjs")}, import.meta.url);
const M = createRequire(import.meta.url)("node:module");
const load = M._load;
M._load = function (request, parent, ...rest) {
  let file = request;
  try {
    file = M._resolveFilename(request, parent);
  } catch {}
  if (/${HEAVY}/.test(file)) writeSync(2, "LOADED " + file + "\\n");
  return load.call(this, request, parent, ...rest);
};
`,
    );
    return { NODE_OPTIONS: `--import ${pathToFileURL(join(d, "spy.mjs")).href}` };
  };

  it("wfc --help, wfc --version and wfc build (warm cache) load neither the cluster client, the runner, TypeScript, the graph layout nor esbuild", () => {
    const d = outsideDir({ "hello.ts": HELLO });
    const env = preload(d);
    expect(wfcIn(d, ["build", "hello.ts"]).code).toBe(0); // fills the cache
    for (const args of [["--help"], ["--version"], ["build", "hello.ts"]]) {
      const r = wfcIn(d, args, env);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
    }
    // the spy does report what it sees: a cold build loads esbuild, a lint TypeScript
    expect(wfcIn(d, ["build", "hello.ts"], { ...env, WFC_CACHE_DIR: join(d, "cold") }).stderr).toMatch(
      /LOADED .*esbuild/,
    );
    expect(wfcIn(d, ["lint", "hello.ts"], env).stderr).toMatch(/LOADED typescript/);
  });

  it("a warm build of nodeScript pipelines loads neither esbuild nor the parser of the free-variable check", () => {
    const d = outsideDir({ "scripts.ts": SCRIPTS });
    const env = preload(d);
    const first = wfcIn(d, ["build", "scripts.ts"], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/LOADED .*acorn/); // the first build checks and prints each script
    const warm = wfcIn(d, ["build", "scripts.ts"], env);
    expect(warm.stderr).toBe("");
    expect(warm.stdout).toBe(first.stdout);
  });
});

describe("without typescript installed", () => {
  it("wfc build works and wfc lint says in one line that the type check needs typescript (never npx tsc)", () => {
    // wfc installed without typescript: a copy of the CLI beside every package of the repository's
    // node_modules but typescript
    const install = outsideDir();
    const modules = join(install, "node_modules");
    mkdirSync(modules);
    for (const name of readdirSync(join(ROOT, "node_modules")))
      if (!["typescript", ".bin", ".cache"].includes(name))
        symlinkSync(join(ROOT, "node_modules", name), join(modules, name));
    for (const part of ["bin", "dist", "package.json"])
      cpSync(join(ROOT, "packages/cli", part), join(install, "cli", part), { recursive: true });
    const d = outsideDir({ "hello.ts": HELLO });
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(install, "cli/bin/wfc.js"), ...args], {
        cwd: d,
        env: { ...process.env, WFC_CACHE_DIR: join(d, ".cache") },
        encoding: "utf8",
        timeout: 30_000,
      });
    const build = run(["build", "hello.ts", "-o", "name"]);
    expect(build.stderr).toBe("");
    expect(build.stdout).toBe("workflow.argoproj.io/hello\n");
    const lint = run(["lint", "hello.ts"]);
    expect(lint.status).toBe(1);
    expect(lint.stderr).toMatch(
      /^error: cannot type-check: the `typescript` package is installed neither in \S+ \(or above\) nor beside wfc; install it there: npm install --save-dev typescript \[E_NO_TYPESCRIPT\]\n$/,
    );
    expect(lint.stderr).not.toContain("npx tsc");
  });
});

describe("a module's open handles do not keep the CLI running", () => {
  const d = outsideDir({
    "timer.ts": `import { workflow, container } from "@wfc/sdk";\nsetInterval(() => {}, 1000);\nconst t = container({ name: "t" }, { image: "busybox" });\nexport default workflow({ name: "timer", entrypoint: t });\n`,
    "socket.ts": `import { createServer } from "node:net";\nimport { workflow, container } from "@wfc/sdk";\ncreateServer().listen(0, "127.0.0.1");\nconst t = container({ name: "t" }, { image: "busybox" });\nexport default workflow({ name: "socket", entrypoint: t });\n`,
  });
  it.each(["timer.ts", "socket.ts"])("%s: build, lint and graph print their output and exit", (file) => {
    const build = wfcIn(d, ["build", file, "-o", "name"]);
    expect(build.signal).toBeNull();
    expect(build.code).toBe(0);
    expect(build.stdout).toBe(`workflow.argoproj.io/${file.replace(".ts", "")}\n`);
    const lint = wfcIn(d, ["lint", file]);
    expect(lint.signal).toBeNull();
    expect(lint.stdout).toBe(`${file}: ok (1 manifest)\n`);
    const graph = wfcIn(d, ["graph", file]);
    expect(graph.signal).toBeNull();
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain("flowchart");
  });
});

/** Two nodeScript templates, the second calling the first's result. */
const SCRIPTS = `import { nodeScript, workflow, z } from "@wfc/sdk";

export const draw = nodeScript({ result: z.number(), run: function draw() { return 4; } });
export const plusOne = nodeScript({ inputs: { x: z.number() }, result: z.number(), run: function plusOne({ x }) { return x + 1; } });

export default workflow({ name: "scripts" }, () => {
  plusOne({ x: draw().result });
});
`;

describe("the compiled-module cache", () => {
  it("is reused while the inputs are unchanged and rebuilt when one changes, helpers included", () => {
    const d = outsideDir({
      "p.ts": `import { workflow } from "@wfc/sdk";\nimport { step } from "./step.js";\nexport default workflow({ name: "p", entrypoint: step });\n`,
      "step.ts": `import { container } from "@wfc/sdk";\nexport const step = container({ name: "step" }, { image: "busybox:1" });\n`,
    });
    expect(wfcIn(d, ["build", "p.ts"]).stdout).toContain("image: busybox:1\n");
    const cache = join(d, ".cache");
    const bundles = () => readdirSync(cache).filter((n) => n.startsWith("b-"));
    expect(bundles()).toHaveLength(1);
    expect(wfcIn(d, ["build", "p.ts"]).stdout).toContain("image: busybox:1\n");
    expect(bundles()).toHaveLength(1);
    writeFileSync(join(d, "step.ts"), readFileSync(join(d, "step.ts"), "utf8").replace("busybox:1", "busybox:2"));
    expect(wfcIn(d, ["build", "p.ts"]).stdout).toContain("image: busybox:2\n");
    expect(bundles()).toHaveLength(2);
  });

  it("a package wfc provided is taken from the project once the project installs its own", () => {
    const d = outsideDir({ "hello.ts": HELLO });
    expect(wfcIn(d, ["build", "hello.ts", "-o", "name"]).stdout).toBe("workflow.argoproj.io/hello\n");
    const sdk = pathToFileURL(join(ROOT, "packages/sdk/dist/bundle.js")).href;
    mkdirSync(join(d, "node_modules/@wfc/sdk"), { recursive: true });
    writeFileSync(
      join(d, "node_modules/@wfc/sdk/package.json"),
      JSON.stringify({ name: "@wfc/sdk", type: "module", exports: "./index.js" }),
    );
    writeFileSync(
      join(d, "node_modules/@wfc/sdk/index.js"),
      `export * from ${JSON.stringify(sdk)};\nimport { workflow as w } from ${JSON.stringify(sdk)};\nexport const workflow = (o, ...rest) => w({ ...o, name: o.name + "-own" }, ...rest);\n`,
    );
    expect(wfcIn(d, ["build", "hello.ts", "-o", "name"]).stdout).toBe("workflow.argoproj.io/hello-own\n");
  });

  it("a corrupted bundle is not used: it is rebuilt", () => {
    const d = outsideDir({ "hello.ts": HELLO });
    expect(wfcIn(d, ["build", "hello.ts"]).code).toBe(0);
    const cache = join(d, ".cache");
    const [bundle] = readdirSync(cache).filter((n) => n.startsWith("b-"));
    writeFileSync(join(cache, bundle!, "e0.mjs"), 'throw new Error("tampered");\n');
    const r = wfcIn(d, ["build", "hello.ts"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("name: hello\n");
  });

  it("keeps nodeScript's checked scripts; an altered entry is not used, a changed function is checked anew", () => {
    const d = outsideDir({ "scripts.ts": SCRIPTS });
    const first = wfcIn(d, ["build", "scripts.ts"]);
    expect(first.code).toBe(0);
    const dir = join(d, ".cache", "scripts");
    const entries = readdirSync(dir).filter((n) => n.endsWith(".js"));
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      const text = readFileSync(join(dir, e), "latin1"); // the checksum is binary: only the script changes
      const altered = text.replace(/return (4|x \+ 1);/, 'return require("child_process");');
      expect(altered).not.toBe(text);
      writeFileSync(join(dir, e), altered, "latin1");
    }
    const again = wfcIn(d, ["build", "scripts.ts"]);
    expect(again.stderr).toBe("");
    expect(again.stdout).toBe(first.stdout);
    // a function that now uses a module's name is refused, cache or not
    writeFileSync(join(d, "scripts.ts"), `const four = 4;\n${SCRIPTS.replace("return 4;", "return four;")}`);
    const bad = wfcIn(d, ["build", "scripts.ts"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/E_SCRIPT_FREE_VARIABLE|four/);
  });

  it("two builds racing on an empty cache both succeed with the same output", async () => {
    const d = outsideDir({ "hello.ts": HELLO });
    const once = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(process.execPath, [WFC, "build", "hello.ts"], {
          cwd: d,
          env: { ...process.env, WFC_CACHE_DIR: join(d, ".cache") },
        });
        let out = "";
        p.stdout.on("data", (c) => {
          out += c;
        });
        const timer = setTimeout(() => p.kill("SIGKILL"), 30_000);
        p.on("close", (code) => {
          clearTimeout(timer);
          resolve({ code, out });
        });
      });
    const runs = await Promise.all([once(), once(), once()]);
    for (const r of runs) expect(r).toEqual({ code: 0, out: runs[0]!.out });
    expect(runs[0]!.out).toContain("name: hello\n");
    expect(readdirSync(join(d, ".cache")).filter((n) => n.includes(".tmp"))).toEqual([]);
  });

  it("without WFC_CACHE_DIR, a project's cache is node_modules/.cache/wfc", () => {
    const d = outsideDir({ "hello.ts": HELLO });
    mkdirSync(join(d, "node_modules"));
    const env: NodeJS.ProcessEnv = { WFC_CACHE_DIR: "" };
    expect(wfcIn(d, ["build", "hello.ts"], env).code).toBe(0);
    expect(existsSync(join(d, "node_modules/.cache/wfc"))).toBe(true);
    expect(readdirSync(join(d, "node_modules/.cache/wfc")).some((n) => n.startsWith("b-"))).toBe(true);
  });
});

describe("no process is left behind", () => {
  it("wfc build (cold cache: esbuild bundles; a nodeScript: the SDK's esbuild prints it) leaves nothing in its process group", async () => {
    const d = outsideDir({
      "hello.ts": `import { nodeScript, workflow, z } from "@wfc/sdk";\n\nconst one = nodeScript({ result: z.number(), run: function one() {\n  return 1;\n} });\n\nexport default workflow({ name: "hello", entrypoint: one });\n`,
    });
    const child = spawn(process.execPath, [WFC, "build", "hello.ts"], {
      cwd: d,
      detached: true, // its own process group, whose id is its pid
      env: { ...process.env, WFC_CACHE_DIR: join(d, ".cache") },
      stdio: "ignore",
    });
    const pgid = child.pid!;
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    expect(existsSync(join(d, ".cache"))).toBe(true); // esbuild did run
    // listed right away: esbuild's service processes, unreferenced, would still be exiting now
    const ps = spawnSync("ps", ["-e", "-o", "pid=,pgid=,args="], { encoding: "utf8" });
    expect(ps.status).toBe(0);
    const left = ps.stdout.split("\n").filter((l) => l.trim().split(/\s+/)[1] === String(pgid));
    expect(left).toEqual([]);
  });
});
