/**
 * Reading kubeconfig files: JSON or YAML (the `yaml` package, loaded only for YAML), several files merged
 * the way kubectl merges `KUBECONFIG` (the first file to name a cluster, user or context wins; the first
 * `current-context` wins). Nothing of a file's content is ever put in an error message: a YAML syntax
 * error names the file, line and column only, a binary file is called binary, an empty one empty.
 */
import fs from "node:fs";
import path from "node:path";
import { ClusterError } from "../errors.js";

/** A `clusters[].cluster` entry. @internal */
export interface KubeCluster {
  readonly server?: string;
  readonly "certificate-authority"?: string;
  readonly "certificate-authority-data"?: string;
  readonly "insecure-skip-tls-verify"?: boolean;
  readonly "tls-server-name"?: string;
  readonly "proxy-url"?: string;
}

/** A `users[].user.exec` entry (client.authentication.k8s.io ExecConfig). @internal */
export interface KubeExec {
  readonly command?: string;
  readonly args?: readonly string[];
  readonly env?: readonly { readonly name?: string; readonly value?: string }[] | null;
  readonly apiVersion?: string;
  readonly installHint?: string;
  readonly provideClusterInfo?: boolean;
  readonly interactiveMode?: string;
}

/** A `users[].user` entry. @internal */
export interface KubeUser {
  readonly token?: string;
  readonly tokenFile?: string;
  readonly "client-certificate"?: string;
  readonly "client-certificate-data"?: string;
  readonly "client-key"?: string;
  readonly "client-key-data"?: string;
  readonly username?: string;
  readonly password?: string;
  readonly exec?: KubeExec;
  readonly "auth-provider"?: { readonly name?: string; readonly config?: Readonly<Record<string, string>> };
}

/** A `contexts[].context` entry. @internal */
export interface KubeContextEntry {
  readonly cluster?: string;
  readonly user?: string;
  readonly namespace?: string;
}

/** A named entry and the file it came from (relative paths in it are relative to that file). @internal */
export interface Named<T> {
  readonly name: string;
  readonly value: T;
  readonly file: string;
}

/** Merged kubeconfig files. @internal */
export interface KubeconfigData {
  readonly files: readonly string[];
  readonly currentContext: string | undefined;
  readonly clusters: ReadonlyMap<string, Named<KubeCluster>>;
  readonly users: ReadonlyMap<string, Named<KubeUser>>;
  readonly contexts: ReadonlyMap<string, Named<KubeContextEntry>>;
}

function configError(message: string, cause?: unknown): ClusterError {
  return new ClusterError("ConfigError", message, cause === undefined ? {} : { cause });
}

function isBinary(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8192).includes(0)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

interface YamlErrorLike {
  readonly code?: string;
  readonly pos?: readonly [number, number];
  readonly message?: string;
}

/** Line and column (1-based) of offset `pos` in `text`. */
function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: pos - start + 1 };
}

/** The first generic sentence of a parser message: stops before anything quoted from the file. */
function genericPart(message: string): string {
  return (message.split(/[:\n"'`]/)[0] ?? "").replace(/ at line \d+.*$/, "").trim();
}

async function parseText(file: string, text: string): Promise<unknown> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    try {
      return JSON.parse(text);
    } catch {
      // YAML is a superset of JSON: let the YAML parser say where it breaks
    }
  }
  // The SDK's bundled copy of `yaml` (one file: loads in a quarter of the time of the package).
  const { parseDocument } = (await import("@wfc/sdk/internal")).yamlLibrary();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0] as YamlErrorLike | undefined;
  if (err) {
    const at = err.pos ? lineCol(text, err.pos[0]) : undefined;
    const where = at ? `line ${at.line}, column ${at.col}` : "an unknown position";
    const what = genericPart(err.message ?? "") || err.code || "syntax error";
    throw configError(
      `kubeconfig ${file} is not valid YAML: ${what} at ${where}${err.code ? ` (${err.code})` : ""}; fix the file (kubectl config view)`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw configError(
      `kubeconfig ${file} could not be read: ${genericPart(e instanceof Error ? e.message : String(e))}`,
      e,
    );
  }
}

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function entries(file: string, doc: Raw, list: string, field: string): { name: string; value: Raw }[] {
  const items = doc[list];
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw configError(`kubeconfig ${file}: ${list} must be a list`);
  return items.map((item, i) => {
    if (!isRecord(item) || typeof item.name !== "string" || !item.name) {
      throw configError(`kubeconfig ${file}: ${list}[${i}] needs a name`);
    }
    const value = item[field] ?? {};
    if (!isRecord(value)) throw configError(`kubeconfig ${file}: ${list}[${i}].${field} must be a mapping`);
    return { name: item.name, value };
  });
}

const STRING_FIELDS: Record<string, readonly string[]> = {
  cluster: ["server", "certificate-authority", "certificate-authority-data", "tls-server-name", "proxy-url"],
  user: [
    "token",
    "tokenFile",
    "client-certificate",
    "client-certificate-data",
    "client-key",
    "client-key-data",
    "username",
    "password",
  ],
  context: ["cluster", "user", "namespace"],
};

function checkStrings(file: string, list: string, field: string, name: string, value: Raw): void {
  for (const key of STRING_FIELDS[field] ?? []) {
    if (value[key] !== undefined && value[key] !== null && typeof value[key] !== "string") {
      throw configError(`kubeconfig ${file}: ${list} "${name}": ${field}.${key} must be a string`);
    }
  }
}

/** Reads and checks one kubeconfig file. */
async function readOne(file: string): Promise<Raw> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory" : `cannot be read (${code})`;
    throw configError(`kubeconfig ${file} ${why}; check --kubeconfig or KUBECONFIG`, e);
  }
  if (isBinary(bytes)) {
    throw configError(
      `kubeconfig ${file} is not a text file (${bytes.length} bytes of binary data); is it the right file? (a kubeconfig is YAML)`,
    );
  }
  const text = bytes.toString("utf8");
  if (!text.trim())
    throw configError(`kubeconfig ${file} is empty; it needs clusters, users and contexts (kubectl config view)`);
  const doc = await parseText(file, text);
  if (doc === null || doc === undefined) {
    throw configError(`kubeconfig ${file} is empty; it needs clusters, users and contexts (kubectl config view)`);
  }
  if (!isRecord(doc)) {
    throw configError(`kubeconfig ${file} is not a kubeconfig: expected a mapping with clusters, users and contexts`);
  }
  if (
    doc["current-context"] !== undefined &&
    doc["current-context"] !== null &&
    typeof doc["current-context"] !== "string"
  ) {
    throw configError(`kubeconfig ${file}: current-context must be a string`);
  }
  return doc;
}

/**
 * Reads and merges kubeconfig files, first file first.
 *
 * @internal
 * @example
 * ```ts
 * const data = await readKubeconfigFiles(["/home/me/.kube/config"]);
 * data.contexts.get(data.currentContext ?? "")?.value.cluster;
 * ```
 */
export async function readKubeconfigFiles(files: readonly string[]): Promise<KubeconfigData> {
  const clusters = new Map<string, Named<KubeCluster>>();
  const users = new Map<string, Named<KubeUser>>();
  const contexts = new Map<string, Named<KubeContextEntry>>();
  let currentContext: string | undefined;
  for (const file of files) {
    const doc = await readOne(file);
    const abs = path.resolve(file);
    if (!currentContext && typeof doc["current-context"] === "string" && doc["current-context"]) {
      currentContext = doc["current-context"];
    }
    const add = <T>(map: Map<string, Named<T>>, list: string, field: string): void => {
      for (const { name, value } of entries(file, doc, list, field)) {
        checkStrings(file, list, field, name, value);
        if (!map.has(name)) map.set(name, { name, value: value as T, file: abs });
      }
    };
    add(clusters, "clusters", "cluster");
    add(users, "users", "user");
    add(contexts, "contexts", "context");
  }
  return { files, currentContext, clusters, users, contexts };
}
