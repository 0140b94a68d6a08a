/**
 * `--configmap NAME=PATH` / `--secret NAME=PATH`: ConfigMaps and Secrets from local files. PATH is
 * a directory (one key per file, the file's name), a ConfigMap or Secret manifest (.yaml/.json:
 * its `data`, a Secret's base64-decoded, and `stringData`), a `.env` file (KEY=VALUE lines), or any
 * other file (one key: the file's name).
 */
import { readdirSync, readFileSync, type Stats, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { WfcError } from "@wfc/sdk";
import { parse } from "yaml";

/** A `--configmap`/`--secret` value that cannot be read. */
export class LocalSourceError extends WfcError {
  constructor(message: string) {
    super("E_RUN_LOCAL_SOURCE", message);
    this.name = "LocalSourceError";
  }
}

/** Key -> value. */
export type KeyValues = Record<string, string>;

/**
 * Reads one `NAME=PATH` into `[name, keys]`.
 *
 * @example
 * ```ts
 * readLocalSource("my-config=./config", "configmap") // ["my-config", { "app.properties": "..." }]
 * ```
 */
export function readLocalSource(spec: string, kind: "configmap" | "secret"): [string, KeyValues] {
  const eq = spec.indexOf("=");
  if (eq <= 0 || eq === spec.length - 1) throw new LocalSourceError(`--${kind} "${spec}" is not NAME=PATH`);
  const name = spec.slice(0, eq);
  const path = spec.slice(eq + 1);
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    throw new LocalSourceError(`--${kind} ${name}=${path}: no such file or directory`);
  }
  if (st.isDirectory()) {
    const out: KeyValues = {};
    for (const f of readdirSync(path).sort()) {
      const full = join(path, f);
      if (!f.startsWith(".") && statSync(full).isFile()) out[f] = readFileSync(full, "utf8");
    }
    return [name, out];
  }
  const text = readFileSync(path, "utf8");
  const ext = extname(path);
  if (ext === ".env") {
    const out: KeyValues = {};
    for (const line of text.split("\n")) {
      const m = /^\s*([^#=\s][^=]*?)\s*=(.*)$/.exec(line);
      if (m) out[m[1]!] = m[2]!.replace(/^"(.*)"$/, "$1");
    }
    return [name, out];
  }
  if (ext === ".yaml" || ext === ".yml" || ext === ".json") {
    const doc = (ext === ".json" ? JSON.parse(text) : parse(text)) as {
      kind?: string;
      data?: Record<string, unknown>;
      stringData?: Record<string, unknown>;
    } | null;
    if (doc && (doc.kind === "ConfigMap" || doc.kind === "Secret")) {
      const out: KeyValues = {};
      for (const [k, v] of Object.entries(doc.data ?? {}))
        out[k] = doc.kind === "Secret" ? Buffer.from(String(v), "base64").toString("utf8") : String(v);
      for (const [k, v] of Object.entries(doc.stringData ?? {})) out[k] = String(v);
      return [name, out];
    }
  }
  return [name, { [basename(path)]: text }];
}

/** Commander collector for repeatable `--configmap`/`--secret`. */
export function collectRepeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
