import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ZodType, z } from "zod";
import type { SourceLocation } from "../core/errors.js";
import { AuthoringError } from "../core/errors.js";
import { callerLocation } from "../core/location.js";
import { toDnsName } from "../core/names.js";
import {
  type ArtifactDecl,
  baseTypeOf,
  type Decls,
  type InputsOf,
  isArtifactDecl,
  type OutputsOf,
  type SchemaOf,
  type Simplify,
} from "./decl.js";
import { leafTemplate, type Refable, type TemplateFields } from "./factories.js";
import { type FreeVariable, freeVariables } from "./free-variables.js";
import { scriptCache, scriptKey } from "./script-cache.js";
import type { Template } from "./types.js";

/**
 * The values a TypeScript script function receives: its declared parameters, typed.
 *
 * @example
 * ```ts
 * nodeScript({ name: "s", inputs: { n: z.number() }, run: ({ n }) => n + 1 }); // run gets { n: number }
 * ```
 */
export type ScriptInputs<I> = Simplify<{
  readonly [K in keyof I as I[K] extends ArtifactDecl ? never : K]: z.output<SchemaOf<I[K]>>;
}>;

/**
 * Options of a script template written as a TypeScript function.
 *
 * @example
 * ```ts
 * nodeScript({ inputs: { n: z.number() }, result: z.number(), run: function double({ n }) { return n * 2; } });
 * ```
 */
export interface FunctionScriptOptions<I extends Decls, O extends Decls, R> extends Refable<TemplateFields> {
  /**
   * The function that runs in the container. It must be self-contained: it is sent as source
   * text, so it may use only its parameters, its own locals and Node's globals (`process`,
   * `console`, `require`, `fetch`...), not the module's imports, constants or outer variables
   * (`E_SCRIPT_FREE_VARIABLE` at build time). Import modules inside it: `await import("node:fs")`.
   */
  readonly run: (inputs: ScriptInputs<I>) => R | Promise<R>;
  /** The template's name. @default the function's name in kebab case (`plusOne` -> `plus-one`) */
  readonly name?: string;
  readonly inputs?: I;
  readonly outputs?: O;
  /** Schema of the return value (`outputs.result`). */
  readonly result?: ZodType<R>;
  /** The Node.js image. @default "node:22-alpine" */
  readonly image?: string;
  /** Other fields of the script (env, resources, volumeMounts...). */
  readonly container?: Refable<Record<string, unknown>>;
}

const DEFAULT_IMAGE = "node:22-alpine";

/** The expression that turns the parameter's string (from an environment variable) into its type. */
function decode(schema: ZodType, env: string): string {
  const v = `process.env.${env}`;
  switch (baseTypeOf(schema)) {
    case "string":
    case "enum":
    case "literal":
      return `${v} ?? ""`;
    case "number":
    case "int":
    case "bigint":
      return `Number(${v})`;
    case "boolean":
      return `${v} === "true"`;
    default:
      return `JSON.parse(${v})`;
  }
}

function functionSource(fn: (...args: never[]) => unknown): string {
  const src = restoreName(fn.toString(), fn.name);
  try {
    new Function(`return (${src});`);
    return src;
  } catch {
    // A method shorthand (`run(x) { ... }`): wrap it in an object literal.
    const key = JSON.stringify(fn.name || "run");
    return `({ ${src} })[${key}]`;
  }
}

/**
 * Loaders (tsx, esbuild) rename a function expression that shares its name with the constant
 * holding it (`const plusOne = nodeScript({ run: function plusOne() {...} })` prints as
 * `function plusOne2()`), while `fn.name` keeps the original (keepNames). The script is sent on its
 * own, so the original name is free there: every whole-word use of the renamed identifier (the
 * head and recursive calls) gets the original name back.
 */
function restoreName(src: string, name: string): string {
  const head = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/.exec(src);
  const renamed = head?.[1];
  if (!renamed || !name || renamed === name || !new RegExp(`^${name.replace(/\$/g, "\\$")}\\d+$`).test(renamed))
    return src;
  return src.replace(new RegExp(`(?<![\\w$])${renamed.replace(/\$/g, "\\$")}(?![\\w$])`, "g"), name);
}

/**
 * Prints the script readably. Loaders such as tsx hand us whitespace-minified function code;
 * esbuild re-prints the whole script the same way whatever loaded the module, so the YAML is
 * readable and stable.
 */
let esbuild: typeof import("esbuild") | undefined;

/** The script printed by esbuild, or undefined when esbuild is missing or cannot print it. */
function formatScript(src: string): string | undefined {
  try {
    // Loaded on first use: only workflows with TypeScript scripts pay for it.
    esbuild ??= createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
    return esbuild.transformSync(src, { loader: "js", charset: "utf8" }).code;
  } catch {
    return undefined;
  }
}

/**
 * A script template from a TypeScript function: the function's source runs on a Node.js image;
 * its typed inputs arrive as arguments and its return value becomes `outputs.result` (strings as
 * they are, everything else as JSON).
 *
 * @example
 * ```ts
 * const plusOne = nodeScript({ inputs: { x: z.number() }, result: z.number(), run: function plusOne({ x }) { return x + 1; } });
 * ```
 */
export function nodeScript<const I extends Decls = {}, const O extends Decls = {}, R = unknown>(
  options: FunctionScriptOptions<I, O, R>,
): Template<InputsOf<I>, OutputsOf<O>, R> {
  const { run, name, inputs, outputs, result, image, container, ...templateFields } = options;
  const templateName = name ?? (run.name && run.name !== "run" ? toDnsName(run.name) : undefined);
  if (!templateName) {
    throw new AuthoringError(
      "E_NO_NAME",
      "a script made from an anonymous function needs a `name` (or name the function: `run: function plusOne() {...}`)",
      callerLocation(nodeScript),
    );
  }
  const env: { name: string; value: string }[] = [];
  const decoders: string[] = [];
  let i = 0;
  for (const [key, decl] of Object.entries(inputs ?? {})) {
    if (isArtifactDecl(decl)) continue;
    const schema = ("schema" in decl ? decl.schema : decl) as ZodType;
    const envName = `WFC_INPUT_${i++}`;
    env.push({ name: envName, value: `{{inputs.parameters.${key}}}` });
    decoders.push(`${JSON.stringify(key)}: ${decode(schema, envName)}`);
  }
  const runCode = `const run = ${functionSource(run as (...args: never[]) => unknown)};`;
  const script = [
    // esbuild's keepNames helper, which tsx-loaded functions may call.
    ...(runCode.includes("__name(") ? ["const __name = (f) => f;"] : []),
    runCode,
    `const inputs = { ${decoders.join(", ")} };`,
    "Promise.resolve(run(inputs)).then((r) => {",
    '  if (r !== undefined) process.stdout.write(typeof r === "string" ? r : JSON.stringify(r));',
    "});",
  ].join("\n");
  // A script checked and printed on an earlier build is taken from the cache (see script-cache.ts).
  const cache = scriptCache();
  const key = cache ? scriptKey(script) : undefined;
  let source = key === undefined ? undefined : cache?.get(key);
  if (source === undefined) {
    const free = freeVariables(runCode).filter((v) => v.name !== "__name");
    if (free.length) throw freeVariableError(templateName, free, callerLocation(nodeScript));
    const printed = formatScript(script);
    source = printed ?? script;
    if (key !== undefined && printed !== undefined) cache?.set(key, printed);
  }
  const spec: Record<string, unknown> = { image: image ?? DEFAULT_IMAGE, command: ["node"], ...(container ?? {}) };
  if (env.length) spec.env = [...env, ...(((container as { env?: unknown[] } | undefined)?.env as unknown[]) ?? [])];
  spec.source = source;
  return leafTemplate(
    "script",
    { name: templateName, inputs, outputs, result, ...templateFields } as never,
    spec as never,
    nodeScript,
  ) as Template<InputsOf<I>, OutputsOf<O>, R>;
}

/**
 * The error for a script function that uses names from outside it, each with the line of its
 * first use in the user's file (searched from the `nodeScript` call on; the call's line when the
 * name is not found there, as for names a loader renamed).
 */
function freeVariableError(
  template: string,
  free: readonly FreeVariable[],
  at: SourceLocation | undefined,
): AuthoringError {
  let lines: string[] = [];
  try {
    if (at) lines = readFileSync(at.file, "utf8").split("\n");
  } catch {
    // no source to search: the call's line is used
  }
  const lineOf = (name: string): number => {
    const word = new RegExp(`(^|[^.\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`);
    for (let i = Math.max((at?.line ?? 1) - 1, 0); i < lines.length; i++) if (word.test(lines[i] ?? "")) return i + 1;
    return at?.line ?? 0;
  };
  const names = free.map((v) => `"${v.name}" (line ${lineOf(v.name)})`).join(", ");
  return new AuthoringError(
    "E_SCRIPT_FREE_VARIABLE",
    `script "${template}" uses ${names}, defined outside its function: the function is sent to the pod as source text, so it may use only its parameters, its own locals and Node's globals; move the value inside the function, pass it as an input, or import inside it (\`await import("node:fs")\`)`,
    at,
  );
}
