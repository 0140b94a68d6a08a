/**
 * Imports one prepared pipeline module and turns what can go wrong while it evaluates into one
 * clear line naming the module: an exception (at the user's `file:line:col`), a thrown value that
 * is not an Error (`throw null`, `throw "text"`), or a top-level `await` that can never settle.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { isManifestable, isWorkflow, WfcError } from "@wfc/sdk";
import { InputError } from "./input-error.js";
import type { PreparedModule } from "./modules.js";

let sourceMaps = false;

/** A thrown value that is not an Error, described for a message. */
function describeThrown(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v)}`;
  return inspect(v, { depth: 1, breakLength: Number.POSITIVE_INFINITY, maxStringLength: 200, maxArrayLength: 10 });
}

/**
 * The `file:line:col` of the first stack frame of an error that is in the user's code (outside
 * node_modules, wfc's own packages and the bundle), as Node's source maps give it; or undefined.
 */
function userFrame(err: Error, file: string, given: string, skip: readonly string[]): string | undefined {
  for (const line of String(err.stack ?? "")
    .split("\n")
    .slice(1)) {
    const m = /(?:^at |\()((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!m) continue;
    const path = m[1]!.startsWith("file://") ? fileURLToPath(m[1]!) : m[1]!;
    if (path.includes("/node_modules/") || skip.some((s) => path.startsWith(`${s}/`))) continue;
    return `${path === file ? given : relative(process.cwd(), path) || path}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

/** An error message on one line, with the absolute path of the input shown as the user gave it. */
function oneLine(message: string, file: string, given: string): string {
  return message
    .split(file)
    .join(given)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/**
 * Rejects when Node's event loop runs dry while `p` is pending: nothing is left that could settle
 * it (a top-level `await` of a promise nobody resolves), which Node would end with exit code 13
 * and no message.
 */
function unlessStuck<T>(p: Promise<T>, stuck: () => Error): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const onDrain = () => reject(stuck());
    process.once("beforeExit", onDrain);
    p.then(
      (v) => {
        process.off("beforeExit", onDrain);
        resolvePromise(v);
      },
      (e: unknown) => {
        process.off("beforeExit", onDrain);
        reject(e);
      },
    );
  });
}

/**
 * Imports a prepared module (`file` its absolute path, `given` as the user named it) and returns
 * its exports; every failure is an {@link InputError} naming the module.
 *
 * @example
 * ```ts
 * const ns = await importEntry(modules.get(file)!, file, "pipelines/etl.ts", [wfcDir]);
 * ```
 */
export async function importEntry(
  mod: PreparedModule,
  file: string,
  given: string,
  notUserCode: readonly string[],
): Promise<Record<string, unknown>> {
  if (!sourceMaps) {
    // positions in stacks and in the SDK's locations map back to the user's files
    process.setSourceMapsEnabled(true);
    sourceMaps = true;
  }
  let ns: Record<string, unknown>;
  try {
    ns = await unlessStuck(
      import(mod.url) as Promise<Record<string, unknown>>,
      () =>
        new InputError(
          `${given}: failed to load: its top-level await never finished (it waits for a promise that nothing is left to settle)`,
          undefined,
          "E_LOAD_STUCK",
        ),
    );
  } catch (e) {
    if (e instanceof WfcError) throw e;
    if (!(e instanceof Error)) throw new InputError(`${given}: failed to load: the module threw ${describeThrown(e)}`);
    const at = userFrame(e, file, given, [...notUserCode, mod.bundleDir]) ?? given;
    throw new InputError(`${at}: failed to load: ${oneLine(e.message, file, given)}`, { cause: e });
  }
  if (!mod.cjs) return ns;
  // a CommonJS module: its module.exports (an object of exports, or one exported value)
  const exported = ns.default;
  return exported !== null && typeof exported === "object" && !isWorkflow(exported) && !isManifestable(exported)
    ? { ...(exported as Record<string, unknown>) }
    : { default: exported };
}
