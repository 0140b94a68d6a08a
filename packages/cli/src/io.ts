import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { WfcError } from "@wfc/sdk/internal";
import { CommanderError } from "commander";

/** The longest file name (one path component) most file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * A file or set of files could not be written (exit 1): the message names the path and the reason
 * in words, and says what was left behind (nothing, for a set).
 *
 * @example
 * ```ts
 * try { await writeFileSet("out", files); } catch (e) { if (e instanceof OutputError) console.error(e.message); }
 * ```
 */
export class OutputError extends WfcError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_OUTPUT", message, options);
    this.name = "OutputError";
  }
}

/** A file system error in words (`EACCES` -> "permission denied"), with its code. */
function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "the file system is read-only",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENAMETOOLONG: "the path or a file name in it is too long",
    ENOTDIR: "a component of the path is a file, not a directory",
    EISDIR: "it is a directory",
    EEXIST: "a file is in the way",
    EMFILE: "too many open files",
    EIO: "input/output error",
  };
  const w = err?.code ? words[err.code] : undefined;
  return w ? `${w} (${err.code})` : (err?.message ?? String(e));
}

/** A path as shown in a message: a very long one (ENAMETOOLONG) is cut in the middle. */
export function shown(path: string): string {
  return path.length <= 160 ? path : `${path.slice(0, 80)}…(${path.length - 130} characters)…${path.slice(-50)}`;
}

/** Turns a file system error into one clear {@link OutputError}: `<subject>: <reason><left>`. */
export function outputError(subject: string, e: unknown, left = ""): WfcError {
  if (e instanceof WfcError) return e;
  return new OutputError(`${subject}: ${reason(e)}${left}`, { cause: e });
}

/** Throws when `path` exists and is not a directory, or when a parent of it is a file. */
async function checkDirectoryTarget(path: string, given: string): Promise<void> {
  for (let p = path; ; p = dirname(p)) {
    const s = await stat(p).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? undefined : e));
    if (s instanceof Error) {
      if ((s as NodeJS.ErrnoException).code === "ENOTDIR") continue; // a parent is a file: found further up
      throw outputError(`cannot write to ${given}`, s);
    }
    if (s) {
      if (s.isDirectory()) return;
      throw new OutputError(
        p === path
          ? `cannot write to ${given}: it is a file, not a directory (give a directory, or remove the file)`
          : `cannot write to ${given}: ${isAbsolute(given) ? p : relative(process.cwd(), p) || p} is a file, not a directory`,
      );
    }
    if (dirname(p) === p) return;
  }
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory, which is
 * then renamed over the target, so a reader never sees a half-written file. Errors are one
 * {@link OutputError} line (a directory in the way, a read-only or full disk, a name too long).
 *
 * @example
 * ```ts
 * await writeFileAtomic("out/workflow.yaml", yaml);
 * ```
 */
export async function writeFileAtomic(path: string, content: string, givenPath = path): Promise<void> {
  const given = shown(givenPath);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory())
    throw new OutputError(`cannot write ${given}: it is a directory (give a file name, e.g. ${join(given, "out.ts")})`);
  await checkDirectoryTarget(dirname(path), shown(dirname(givenPath)));
  if (Buffer.byteLength(basename(path)) > NAME_MAX)
    throw new OutputError(`cannot write ${given}: the file name is longer than ${NAME_MAX} bytes`);
  const tmp = join(dirname(path), `.${basename(path).slice(0, 40)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, content, "utf8");
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw outputError(`cannot write ${given}`, e, "; nothing written");
  }
}

/** Options of {@link writeFileSet}. */
export interface WriteSetOptions {
  /** How the set is named in messages, e.g. "manifests". @default "files" */
  readonly what?: string;
  /** The directory as the user gave it (for messages). @default the `dir` argument */
  readonly given?: string;
}

/**
 * Writes a set of files into `dir` all or nothing: every file is first written into a staging
 * directory beside `dir` (same file system), then moved into place; an existing file of the same
 * name is replaced, and put back if a later move fails. A failure (full or read-only disk, a name
 * too long) or Ctrl-C while staging removes the staging directory and leaves `dir` as it was; Ctrl-C
 * ends the command with exit code 130 and a line saying nothing was written. No `*.tmp` is left.
 *
 * @example
 * ```ts
 * await writeFileSet("manifests", new Map([["workflow-a.yaml", a], ["workflow-b.yaml", b]]), { what: "manifests" });
 * ```
 */
export async function writeFileSet(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  options: WriteSetOptions = {},
): Promise<void> {
  const what = options.what ?? "files";
  const given = shown(options.given ?? dir);
  const target = resolve(dir);
  await checkDirectoryTarget(target, given);
  for (const name of files.keys()) {
    const long = name.split("/").find((part) => Buffer.byteLength(part) > NAME_MAX);
    if (long !== undefined)
      throw new OutputError(
        `cannot write ${join(given, name)}: the file name is ${Buffer.byteLength(long)} bytes, over the ${NAME_MAX} most file systems allow (shorten the manifest's name); nothing written`,
      );
  }
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  const parent = dirname(target);
  const staging = join(parent, `.${basename(target).slice(0, 60)}.wfc-staging-${randomBytes(6).toString("hex")}`);
  const createdParents: string[] = [];
  try {
    // Directories made for the target's parent are removed again if nothing gets written.
    for (let p = parent; !(await exists(p)); p = dirname(p)) createdParents.unshift(p);
    try {
      for (const p of createdParents) await mkdir(p);
      // Not recursive: on a read-only file system a recursive mkdir says ENOENT instead of EROFS.
      await mkdir(staging);
      for (const [name, content] of files) {
        if (interrupted) break;
        const file = join(staging, name);
        if (name.includes("/")) await mkdir(dirname(file), { recursive: true });
        await writeFile(file, content);
      }
    } catch (e) {
      await cleanupStaging(staging, createdParents);
      throw outputError(`cannot write ${what} to ${given}`, e, "; nothing written");
    }
    if (interrupted) {
      await cleanupStaging(staging, createdParents);
      process.stderr.write(`wfc: interrupted: no ${what} written to ${given}\n`);
      throw new CommanderError(130, "commander.executeSubCommandAsync", "interrupted");
    }
    await commit(staging, target, files, what, given);
    await cleanupStaging(staging, []);
    if (interrupted) process.stderr.write(`wfc: interrupted after the ${what} were written to ${given}\n`);
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  }
  if (interrupted) throw new CommanderError(130, "commander.executeSubCommandAsync", "interrupted");
}

async function exists(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => undefined)) !== undefined;
}

async function cleanupStaging(staging: string, createdParents: readonly string[]): Promise<void> {
  await rm(staging, { recursive: true, force: true }).catch(() => {});
  for (const p of [...createdParents].reverse()) await rmdir(p).catch(() => {});
}

/**
 * Moves the staged files into `target` (renames on one file system: fast, and each one atomic).
 * Replaced files are kept in the staging directory until every move succeeded, and moved back if
 * one fails, so the set lands whole or not at all.
 */
async function commit(
  staging: string,
  target: string,
  files: ReadonlyMap<string, unknown>,
  what: string,
  given: string,
): Promise<void> {
  // A target directory that does not exist yet: one rename puts the whole set in place.
  if (!(await exists(target))) {
    const fresh = join(staging, ".set");
    try {
      await mkdir(fresh);
      for (const name of files.keys()) {
        if (name.includes("/")) await mkdir(dirname(join(fresh, name)), { recursive: true });
        await rename(join(staging, name), join(fresh, name));
      }
      await rename(fresh, target);
      return;
    } catch (e) {
      await cleanupStaging(staging, []);
      throw outputError(`cannot write ${what} to ${given}`, e, "; nothing written");
    }
  }
  const old = join(staging, ".replaced");
  await mkdir(old);
  const done: { name: string; replaced: boolean }[] = [];
  const madeDirs: string[] = [];
  try {
    for (const name of files.keys()) {
      const dest = join(target, name);
      if (name.includes("/"))
        for (let d = dirname(dest); d.startsWith(target + sep) && !(await exists(d)); d = dirname(d)) madeDirs.push(d);
      await mkdir(dirname(dest), { recursive: true });
      let replaced = false;
      if (await exists(dest)) {
        await mkdir(dirname(join(old, name)), { recursive: true });
        await rename(dest, join(old, name));
        replaced = true;
      }
      done.push({ name, replaced });
      await rename(join(staging, name), dest);
    }
  } catch (e) {
    for (const d of done.reverse()) {
      await rm(join(target, d.name), { force: true }).catch(() => {});
      if (d.replaced) await rename(join(old, d.name), join(target, d.name)).catch(() => {});
    }
    for (const d of madeDirs.sort().reverse()) await rmdir(d).catch(() => {});
    await cleanupStaging(staging, []);
    throw outputError(`cannot write ${what} to ${given}`, e, `; nothing written (${given} is as it was)`);
  }
}
