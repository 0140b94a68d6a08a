/**
 * The strict check every command runs before it shows or sends a manifest (`wfc lint`, `submit`,
 * `apply`, both dry runs): Argo's full CRD schema with unknown fields rejected (what the API server
 * does with `fieldValidation=Strict`) plus the semantic checks. Problems are printed in one format,
 * `file:line:col: Kind/name, template T, task K: path: message [E_CODE]`, with the user's line when
 * the manifest was compiled from TypeScript.
 */
import { isEventsManifest, validateEventsManifest } from "@wfc/events";
import {
  type ArgoVersion,
  CompileError,
  DEFAULT_ARGO_VERSION,
  formatDiagnostic,
  formatLocation,
  lowerToArgoVersion,
  type SourceLocation,
  semanticIssues,
  validateManifest,
  WfcError,
} from "@wfc/sdk";
import { type LoadedManifest, loadManifests } from "./load.js";
import { fieldPosition } from "./yaml-positions.js";

/**
 * One problem of one manifest, located.
 *
 * @example
 * ```ts
 * for (const p of checkManifest(loaded)) console.error(formatProblem(p));
 * ```
 */
export interface ManifestProblem {
  /** `file:line:col` in the user's source, else the input file as given. */
  readonly where: string;
  /** `Kind/name` of the manifest. */
  readonly object: string;
  readonly template?: string;
  readonly task?: string;
  /** Field path inside the manifest (`spec.templates[0].container.comand`), or "". */
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/**
 * Thrown when manifests fail the strict check; nothing was sent. `problems` lists every problem
 * (the CLI prints one line each, then the message).
 *
 * @example
 * ```ts
 * try { assertValid(loaded); } catch (e) { if (e instanceof InvalidManifestError) console.error(e.problems.length); }
 * ```
 */
export class InvalidManifestError extends WfcError {
  readonly problems: readonly ManifestProblem[];
  constructor(problems: readonly ManifestProblem[], summary = "nothing was sent") {
    super(
      problems[0]?.code ?? "E_SCHEMA",
      `${problems.length} problem${problems.length === 1 ? "" : "s"} found; ${summary}`,
    );
    this.name = "InvalidManifestError";
    this.problems = problems;
  }
}

/**
 * Formats a problem as `where: Kind/name, template T, task K: path: message [E_CODE]`.
 *
 * @example
 * ```ts
 * formatProblem({ where: "p.ts:3:1", object: "Workflow/x", path: "spec.a", message: "unknown field", code: "E_SCHEMA" })
 * ```
 */
export function formatProblem(p: ManifestProblem): string {
  const ctx = [p.object, p.template && `template ${p.template}`, p.task && `task ${p.task}`].filter(Boolean).join(", ");
  // a problem with no file (a manifest built in memory) starts with its object instead of "undefined:"
  const head = [p.where, ctx].filter(Boolean).join(": ");
  return `${head ? `${head}: ` : ""}${p.path ? `${p.path}: ` : ""}${p.message} [${p.code}]`;
}

/** `Kind/name` of a manifest. */
export function manifestLabel(manifest: unknown): string {
  const m = (manifest ?? {}) as { kind?: string; metadata?: { name?: string; generateName?: string } };
  return `${m.kind ?? "?"}/${m.metadata?.name ?? m.metadata?.generateName ?? "?"}`;
}

type Located = { readonly name?: string; readonly location?: SourceLocation };
type TemplateLike = Located & {
  readonly tasks?: readonly TaskLike[];
  readonly steps?: readonly (readonly TaskLike[])[];
};
type TaskLike = Located & { readonly template?: TemplateLike };
type ModelLike = Located & { readonly entrypoint?: TemplateLike; readonly templates?: readonly TemplateLike[] };

/** The model a workflow object carries under the SDK's brand (`Symbol.for("wfc.workflow")`). */
function modelOf(workflow: unknown): ModelLike | undefined {
  if (!workflow || typeof workflow !== "object") return undefined;
  return (workflow as Record<symbol, ModelLike | undefined>)[Symbol.for("wfc.workflow")];
}

/** Every template of a model reachable from its entrypoint and explicit templates, by name. */
function templatesByName(model: ModelLike): Map<string, TemplateLike> {
  const out = new Map<string, TemplateLike>();
  const visit = (t: TemplateLike | undefined): void => {
    if (!t?.name || out.has(t.name)) return;
    out.set(t.name, t);
    for (const k of [...(t.tasks ?? []), ...(t.steps ?? []).flat()]) visit(k.template);
  };
  visit(model.entrypoint);
  for (const t of model.templates ?? []) visit(t);
  return out;
}

const TEMPLATE_PATH = /^spec\.(?:workflowSpec\.)?templates\[(\d+)\](?:\.(?:dag\.tasks|steps\[\d+\])\[(\d+)\])?/;

/**
 * Where a manifest field came from: the template, task and source line in the user's TypeScript
 * (the location the SDK recorded for the task, else the template, else the workflow).
 */
function locate(
  loaded: LoadedManifest,
  path: string,
): { where: SourceLocation | undefined; template?: string; task?: string } {
  const m = TEMPLATE_PATH.exec(path);
  const spec = (loaded.manifest as { spec?: Record<string, unknown> }).spec ?? {};
  const templates = ((spec.workflowSpec as Record<string, unknown> | undefined)?.templates ?? spec.templates) as
    | { name?: string; dag?: { tasks?: { name?: string }[] }; steps?: { name?: string }[][] }[]
    | undefined;
  const model = modelOf(loaded.workflow);
  if (!m) return { where: model?.location };
  const t = templates?.[Number(m[1])];
  const stepGroup = /\.steps\[(\d+)\]/.exec(path.slice(m[0].indexOf("]") + 1))?.[1];
  const taskManifest =
    m[2] === undefined
      ? undefined
      : stepGroup !== undefined
        ? t?.steps?.[Number(stepGroup)]?.[Number(m[2])]
        : t?.dag?.tasks?.[Number(m[2])];
  const tm = t?.name && model ? templatesByName(model).get(t.name) : undefined;
  const task = taskManifest?.name
    ? [...(tm?.tasks ?? []), ...(tm?.steps ?? []).flat()].find((k) => k.name === taskManifest.name)
    : undefined;
  return {
    where: task?.location ?? tm?.location ?? model?.location,
    ...(t?.name ? { template: t.name } : {}),
    ...(taskManifest?.name ? { task: taskManifest.name } : {}),
  };
}

/**
 * The strict check of one loaded manifest: CRD schema (unknown fields rejected) and semantics. With
 * an older `argoVersion`, the manifest is checked as lowered for that version, against its CRD
 * schema; what it cannot express is an `E_ARGO_VERSION` problem.
 *
 * @example
 * ```ts
 * const problems = checkManifest({ manifest, file: "wf.yaml", given: "wf.yaml" });
 * ```
 */
export function checkManifest(
  loaded: LoadedManifest,
  argoVersion: ArgoVersion = DEFAULT_ARGO_VERSION,
): ManifestProblem[] {
  const { manifest } = loaded;
  const target = isEventsManifest(manifest) ? undefined : lowerToArgoVersion(manifest, argoVersion);
  const schema = isEventsManifest(manifest)
    ? validateEventsManifest(manifest)
    : (target?.schemaIssues ?? validateManifest(manifest));
  return locateIssues(loaded, [
    ...(target?.issues ?? []).map((i) => ({ ...i, code: i.code ?? "E_ARGO_VERSION" })),
    ...schema.map((i) => ({ ...i, code: "E_SCHEMA" })),
    ...semanticIssues(manifest).map((i) => ({ ...i, code: i.code ?? "E_SEMANTIC" })),
  ]);
}

/**
 * Locates field problems of a loaded manifest (found by wfc or reported by the server) in the
 * user's source.
 *
 * @example
 * ```ts
 * locateIssues(loaded, [{ path: "spec.templates[1].container.image", message: "denied", code: "E_SERVER" }]);
 * ```
 */
export function locateIssues(
  loaded: LoadedManifest,
  issues: readonly { readonly path: string; readonly message: string; readonly code: string }[],
): ManifestProblem[] {
  const object = manifestLabel(loaded.manifest);
  const file = loaded.given ?? loaded.file;
  return issues.map((i) => {
    const at = locate(loaded, i.path);
    const pos = loaded.index !== undefined ? fieldPosition(loaded.file, loaded.index, i.path) : undefined;
    const where = pos
      ? `${file}:${pos.line}:${pos.column}`
      : at.where && at.where.file !== "<unknown>"
        ? formatWhere(at.where, loaded)
        : file;
    return {
      where,
      object,
      ...(at.template ? { template: at.template } : {}),
      ...(at.task ? { task: at.task } : {}),
      path: i.path,
      message: i.message,
      code: i.code,
    };
  });
}

/** The location as `file:line:col`, the file printed as the user gave it when it is the input file. */
function formatWhere(loc: SourceLocation, loaded: LoadedManifest): string {
  if (loc.file === loaded.file && loaded.given) return `${loaded.given}:${loc.line}:${loc.column}`;
  return formatLocation(loc);
}

/**
 * Runs the strict check over every manifest and throws one {@link InvalidManifestError} listing all
 * problems; returns normally only when every manifest is valid.
 *
 * @example
 * ```ts
 * assertValid(await loadManifests(["pipeline.ts"])); // then send
 * ```
 */
export function assertValid(loaded: readonly LoadedManifest[], argoVersion: ArgoVersion = DEFAULT_ARGO_VERSION): void {
  const problems = loaded.flatMap((l) => checkManifest(l, argoVersion));
  if (problems.length) throw new InvalidManifestError(problems);
}

/**
 * The manifests in the fields of an older Argo version (`--argo-version`): each lowered by the
 * SDK's table of version differences. Throws one {@link InvalidManifestError} listing every
 * feature the target lacks (code `E_ARGO_VERSION`, with the feature and the first version that
 * has it, located in the user's source); for 4.1, returns the input.
 *
 * @example
 * ```ts
 * const forCluster = lowerLoaded(await loadManifests(["pipeline.ts"]), "3.6");
 * ```
 */
export function lowerLoaded(
  loaded: readonly LoadedManifest[],
  argoVersion: ArgoVersion,
  summary?: string,
): LoadedManifest[] {
  if (argoVersion === DEFAULT_ARGO_VERSION) return [...loaded];
  const problems: ManifestProblem[] = [];
  const out = loaded.map((l) => {
    if (isEventsManifest(l.manifest)) return l;
    const r = lowerToArgoVersion(l.manifest, argoVersion);
    problems.push(
      ...locateIssues(
        l,
        r.issues.map((i) => ({ ...i, code: i.code ?? "E_ARGO_VERSION" })),
      ),
    );
    return { ...l, manifest: r.manifest as LoadedManifest["manifest"] };
  });
  if (problems.length) throw new InvalidManifestError(problems, summary);
  return out;
}

/**
 * A server's `422 Invalid` with field causes, as problems located in the user's source (the same
 * format as wfc's own); any other error is returned unchanged.
 *
 * @example
 * ```ts
 * await client.create(manifest).catch((e) => { throw rejectedByServer(e, loaded); });
 * ```
 */
export function rejectedByServer(e: unknown, loaded: LoadedManifest, applied?: string): unknown {
  const err = e as WfcError & { causes?: readonly { field?: string; message: string }[] };
  if (!(e instanceof WfcError) || err.code !== "Invalid" || !err.causes?.length) return e;
  const problems = locateIssues(
    loaded,
    err.causes.map((c) => ({ path: c.field ?? "", message: `${c.message} (server)`, code: "E_SERVER_INVALID" })),
  );
  return new InvalidManifestError(problems, `rejected by the server${applied ? `; ${applied}` : ""}`);
}

/** What {@link lintFiles} found: every problem (one line each, already printed) and the manifests that passed. */
export interface LintResult {
  readonly problems: readonly { readonly file: string; readonly line: string }[];
  readonly valid: readonly { readonly file: string; readonly loaded: LoadedManifest }[];
}

/**
 * Loads files and checks every manifest they hold exactly as `wfc lint` does (compile errors, YAML
 * errors, the CRD schema and the semantic checks), printing each problem through `report`. `wfc
 * lint` and `wfc run` both call it, so the two give the same verdict on the same input.
 *
 * @example
 * ```ts
 * const { problems } = await lintFiles(["pipeline.ts"], (line) => console.error(line));
 * ```
 */
export async function lintFiles(
  files: readonly string[],
  report: (line: string) => void,
  argoVersion: ArgoVersion = DEFAULT_ARGO_VERSION,
): Promise<LintResult> {
  const problems: { file: string; line: string }[] = [];
  const valid: { file: string; loaded: LoadedManifest }[] = [];
  const problem = (file: string, line: string) => {
    problems.push({ file, line });
    report(line);
  };
  for (const file of files) {
    let loaded: LoadedManifest[];
    try {
      loaded = await loadManifests([file]);
    } catch (e) {
      if (e instanceof CompileError) {
        for (const d of e.diagnostics) problem(file, `${d.location ? "" : `${file}: `}${formatDiagnostic(d)}`);
        continue;
      }
      if (e instanceof WfcError || (e as Error).name === "YamlError") {
        const code = (e as { code?: unknown }).code;
        const message = (e as Error).message;
        const tag =
          typeof code === "string" && code.startsWith("E_") && !message.includes(`[${code}]`) ? ` [${code}]` : "";
        problem(file, `${message}${tag}`);
        continue;
      }
      throw e;
    }
    for (const l of loaded) {
      const found = checkManifest(l, argoVersion);
      for (const p of found) problem(file, formatProblem(p));
      // (valid: in the target's fields, as --server sends them)
      if (!found.length) valid.push({ file, loaded: lowerLoaded([l], argoVersion)[0] ?? l });
    }
  }
  return { problems, valid };
}
