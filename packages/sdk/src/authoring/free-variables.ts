/**
 * The free variables of a script function: the names it uses that are neither its parameters,
 * its locals nor a global of Node.js. A `nodeScript` function is sent to the pod as source text,
 * so such a name (an import, a module constant, an outer variable) is a `ReferenceError` there.
 * Found with a real parser and scope analysis (acorn + eslint-scope), loaded on first use.
 */
import { createRequire } from "node:module";
import { createContext, runInContext } from "node:vm";

/** A name a function uses without defining it, with the 1-based line of its first use in the source given. */
export interface FreeVariable {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** What a script may use besides its own names: Node's globals and the CommonJS module scope. */
const NODE_GLOBALS = [
  "require",
  "module",
  "exports",
  "__filename",
  "__dirname",
  "global",
  "process",
  "Buffer",
  "console",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "queueMicrotask",
  "structuredClone",
  "fetch",
  "Request",
  "Response",
  "Headers",
  "FormData",
  "Blob",
  "File",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "AbortController",
  "AbortSignal",
  "Event",
  "EventTarget",
  "MessageChannel",
  "MessagePort",
  "BroadcastChannel",
  "atob",
  "btoa",
  "performance",
  "crypto",
  "navigator",
  "WebSocket",
];

let globals: ReadonlySet<string> | undefined;

/** ECMAScript's built-ins (from a fresh context: not whatever the build process added) and Node's. */
function scriptGlobals(): ReadonlySet<string> {
  globals ??= new Set([
    ...(runInContext("Object.getOwnPropertyNames(globalThis)", createContext()) as string[]),
    ...NODE_GLOBALS,
  ]);
  return globals;
}

type Acorn = typeof import("acorn");
type EslintScope = typeof import("eslint-scope");
let parsers: { acorn: Acorn; scope: EslintScope } | undefined;

/**
 * The free variables of a program (the script's whole source), in order of first use; names in
 * `defined` (helpers the generated program declares itself) are not free.
 *
 * @example
 * ```ts
 * freeVariables("const run = ({ n }) => n * FACTOR;") // [{ name: "FACTOR", line: 1, column: 26 }]
 * ```
 */
export function freeVariables(source: string): FreeVariable[] {
  const require = createRequire(import.meta.url);
  parsers ??= { acorn: require("acorn") as Acorn, scope: require("eslint-scope") as EslintScope };
  const ast = parsers.acorn.parse(source, {
    ecmaVersion: "latest",
    sourceType: "script",
    locations: true,
    ranges: true,
  });
  const manager = parsers.scope.analyze(ast as never, { ecmaVersion: 2022, sourceType: "script" });
  const known = scriptGlobals();
  const found = new Map<string, FreeVariable>();
  const global = manager.globalScope;
  if (!global) return [];
  // The program's own top-level declarations are resolved in the global scope of a script.
  const declared = new Set(global.variables.map((v) => v.name));
  for (const ref of global.through) {
    const name = ref.identifier.name;
    if (known.has(name) || declared.has(name) || found.has(name)) continue;
    const loc = (ref.identifier as { loc?: { start: { line: number; column: number } } }).loc;
    found.set(name, { name, line: loc?.start.line ?? 0, column: (loc?.start.column ?? 0) + 1 });
  }
  return [...found.values()];
}
