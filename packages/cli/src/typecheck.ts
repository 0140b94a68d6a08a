/**
 * Type-checking of pipeline modules for `wfc lint` and `wfc build --typecheck`: the TypeScript
 * compiler over the given modules (and what they import), with the user's nearest
 * `tsconfig.json` when there is one and strict defaults otherwise.
 *
 * `typescript` is heavy, so it is loaded only here, on first use: from the user's project first
 * (the version their editor shows), then the CLI's own dependency.
 */
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { WfcError } from "@wfc/sdk";

type TS = typeof import("typescript");

/** One type error: where it is and TypeScript's message. */
export interface TypeIssue {
  /** Absolute path of the file. */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Always `E_TYPE`; TypeScript's own code is in `tsCode`. */
  readonly code: "E_TYPE";
  readonly tsCode: number;
}

/** Thrown by `wfc build --typecheck` when the modules do not type-check (exit code 1). */
export class TypeCheckFailed extends WfcError {
  constructor(readonly issues: readonly TypeIssue[]) {
    super("E_TYPE", `${issues.length} type error${issues.length === 1 ? "" : "s"} found`);
    this.name = "TypeCheckFailed";
  }
}

/** The compiler options when no `tsconfig.json` is found: strict, ESM, no output. */
const STRICT_DEFAULTS = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  resolveJsonModule: true,
} as const;

const TS_FILE = /\.(c|m)?tsx?$/;

let loaded: TS | undefined;

/** `typescript`, resolved from `fromDir` (the user's project) first, then from the CLI. */
function loadTypeScript(fromDir: string): TS {
  if (loaded) return loaded;
  for (const base of [join(fromDir, "noop.js"), import.meta.url]) {
    try {
      loaded = createRequire(base)("typescript") as TS;
      return loaded;
    } catch {
      // not installed there: try the next place
    }
  }
  throw new WfcError(
    "E_NO_TYPESCRIPT",
    `cannot type-check: the \`typescript\` package is installed neither in ${fromDir} (or above) nor beside wfc; install it there: npm install --save-dev typescript`,
  );
}

/**
 * Type-checks the TypeScript modules among `files` (others are skipped) and returns every error,
 * sorted by file and position; `[]` when they type-check.
 *
 * @example
 * ```ts
 * for (const i of typeCheck(["pipeline.ts"])) console.error(formatTypeIssue(i));
 * ```
 */
export function typeCheck(files: readonly string[]): TypeIssue[] {
  const modules = files.filter((f) => TS_FILE.test(f)).map((f) => resolve(f));
  if (!modules.length) return [];
  const ts = loadTypeScript(dirname(modules[0]!));
  // One program per tsconfig: modules of different projects get their own options.
  const byConfig = new Map<string | undefined, string[]>();
  for (const m of modules) {
    const config = ts.findConfigFile(dirname(m), ts.sys.fileExists, "tsconfig.json");
    byConfig.set(config, [...(byConfig.get(config) ?? []), m]);
  }
  const issues: TypeIssue[] = [];
  for (const [config, roots] of byConfig) {
    const options = optionsOf(ts, config, dirname(roots[0]!));
    const program = ts.createProgram({ rootNames: roots, options, host: compilerHost(ts, options) });
    for (const d of ts.getPreEmitDiagnostics(program)) issues.push(toIssue(ts, d));
  }
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The `node_modules/@types` directory holding `@types/node` as seen from `base`, or undefined. */
function nodeTypesDir(base: string): string | undefined {
  try {
    return dirname(dirname(createRequire(base).resolve("@types/node/package.json")));
  } catch {
    return undefined;
  }
}

/** Packages wfc provides when the user's project has none (as the module loader resolves them). */
const PROVIDED = /^(@wfc\/[^/]+|wfc|zod)(\/.*)?$/;
/** A file of the CLI's own installation, to resolve provided packages from. */
const CLI_FILE = fileURLToPath(import.meta.url);

/**
 * The default compiler host, but `@wfc/*`, `wfc` and `zod` imports that the user's project cannot
 * resolve resolve from wfc's own installation: a pipeline outside any package type-checks as it
 * builds.
 */
function compilerHost(ts: TS, options: import("typescript").CompilerOptions): import("typescript").CompilerHost {
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, sourceFile) =>
    literals.map((lit) => {
      const mode = ts.getModeForUsageLocation(sourceFile, lit, opts);
      const r = ts.resolveModuleName(lit.text, containingFile, opts, host, undefined, redirected, mode);
      if (r.resolvedModule || !PROVIDED.test(lit.text)) return r;
      const fallback = ts.resolveModuleName(lit.text, CLI_FILE, opts, host, undefined, redirected, mode);
      return fallback.resolvedModule ? fallback : r;
    });
  return host;
}

/** The options of a tsconfig (its `files`/`include` are ignored: the modules given are checked). */
function optionsOf(ts: TS, config: string | undefined, fromDir: string): import("typescript").CompilerOptions {
  if (!config) {
    const { options } = ts.convertCompilerOptionsFromJson(
      { ...STRICT_DEFAULTS, target: "es2022", module: "nodenext", moduleResolution: "nodenext" },
      process.cwd(),
    );
    // Node's types (node:fs...) from beside wfc when the modules' directory has none
    const own = nodeTypesDir(join(fromDir, "noop.js"));
    const cli = own ? undefined : nodeTypesDir(import.meta.url);
    return cli ? { ...options, typeRoots: [cli] } : options;
  }
  const read = ts.readConfigFile(config, ts.sys.readFile);
  if (read.error) throw configError(ts, config, read.error);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(config), undefined, config);
  const fatal = parsed.errors.find((e) => e.code !== 18003); // 18003: "No inputs were found" is fine here
  if (fatal) throw configError(ts, config, fatal);
  return {
    ...parsed.options,
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
  };
}

function configError(ts: TS, config: string, d: import("typescript").Diagnostic): WfcError {
  return new WfcError("E_TSCONFIG", `${config}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

function toIssue(ts: TS, d: import("typescript").Diagnostic): TypeIssue {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined)
    return { file: "", line: 0, column: 0, message, code: "E_TYPE", tsCode: d.code };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: d.file.fileName, line: line + 1, column: character + 1, message, code: "E_TYPE", tsCode: d.code };
}

/**
 * One type error as `file:line:col: message [E_TYPE]`, the file relative to the working directory;
 * a chained message keeps TypeScript's indented lines.
 *
 * @example
 * ```ts
 * formatTypeIssue(issue) // "pipeline.ts:12:20: Type 'Ref<string>' is not assignable to type 'number'. [E_TYPE]"
 * ```
 */
export function formatTypeIssue(i: TypeIssue, cwd: string = process.cwd()): string {
  const message = i.message;
  if (!i.file) return `${message} [E_TYPE]`;
  const rel = relative(cwd, i.file);
  const file = rel.startsWith("..") ? i.file : rel;
  return `${file}:${i.line}:${i.column}: ${message} [E_TYPE]`;
}
