/**
 * Kubernetes' strategic merge patch as the API server applies it (apimachinery
 * `strategicpatch.StrategicMergeMapPatch` with `MergeParallelList` and `IgnoreUnmatchedNulls`),
 * ported from k8s.io/apimachinery v0.35.4 `pkg/util/strategicpatch/patch.go`, with the struct
 * tags of the built-in kinds (`k8s-patch-meta.gen.ts`):
 * - maps merge key by key, `null` deletes;
 * - a list with `patchStrategy: merge` merges: lists of maps by `patchMergeKey` (containers by
 *   `name`, ports by `containerPort`, volumeMounts by `mountPath`, ...), merged items keeping the
 *   patch's order and the others the live order; lists of scalars are a union (finalizers); any
 *   other list is replaced;
 * - directives: `$patch: replace` / `delete` on a map, `{$patch: delete, <key>: v}` and
 *   `{$patch: replace}` items in a merged list, `$retainKeys`, `$deleteFromPrimitiveList/<field>`,
 *   `$setElementOrder/<field>`.
 *
 * Custom resources have no struct tags: the API server refuses a strategic patch of them (415,
 * `UnsupportedMediaType`), as it does here. A patch it cannot apply is a `BadRequest`.
 */
import { KINDS, type PatchField, TYPES } from "./k8s-patch-meta.gen.js";
import { ApiError } from "./object-store.js";

export type { PatchField };

type Json = null | boolean | number | string | Json[] | JsonMap;
type JsonMap = { [k: string]: Json };

const DIRECTIVE = "$patch";
const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
const RETAIN_KEYS = "$retainKeys";
const SET_ELEMENT_ORDER = "$setElementOrder";

/** A strategic patch the API server cannot apply (`Error from server (BadRequest): ...`). */
export class StrategicMergeError extends ApiError {
  constructor(message: string) {
    super("BadRequest", message);
    this.name = "StrategicMergeError";
  }
}

/** A strategic patch of a kind without struct tags (a custom resource): HTTP 415 on a cluster. */
export class StrategicMergeUnsupported extends ApiError {
  constructor() {
    super(
      "UnsupportedMediaType",
      "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
    );
    this.name = "StrategicMergeUnsupported";
  }
}

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === "object" && !Array.isArray(v);

/** Go's reflect.TypeOf of a decoded JSON value, as strategicpatch compares them. */
function goType(v: Json | undefined): string {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "object") return "map";
  return typeof v === "number" ? "float64" : typeof v;
}

/** The struct tags of Go types, by type and JSON field name (as `k8s-patch-meta.gen.ts` has them). */
export type PatchTypes = Readonly<Record<string, Readonly<Record<string, PatchField>>>>;

/** A struct's schema: the Go type of a node, `""` for a type without metadata. */
class Schema {
  constructor(
    readonly type: string,
    private readonly types: PatchTypes,
  ) {}

  /** `LookupPatchMetadataForStruct` / `ForSlice`: the sub-schema, strategy and merge key. */
  lookup(key: string): { schema: Schema; strategy: string; mergeKey: string } {
    // a field without tags (or of a type without any) merges as strategicpatch merges an untagged field
    const [type, strategies, mergeKey] = this.types[this.type]?.[key] ?? ["", "", ""];
    return { schema: new Schema(type, this.types), strategy: patchStrategy(strategies), mergeKey };
  }
}

/** `extractRetainKeysPatchStrategy`: the strategy other than retainKeys. */
function patchStrategy(s: string): string {
  const parts = s === "" ? [] : s.split(",");
  if (parts.length === 0) return "";
  if (parts.length === 1) return parts[0] === "retainKeys" ? "" : (parts[0] as string);
  if (parts.length === 2 && parts[0] === "retainKeys") return parts[1] as string;
  if (parts.length === 2 && parts[1] === "retainKeys") return parts[0] as string;
  throw new StrategicMergeError(`unexpected patch strategy: [${parts.join(" ")}]`);
}

/** Go's `%v` of a JSON value, for error messages. */
function v(x: unknown): string {
  if (x === null || x === undefined) return "<nil>";
  if (Array.isArray(x)) return `[${x.map(v).join(" ")}]`;
  if (isMap(x))
    return `map[${Object.keys(x)
      .sort()
      .map((k) => `${k}:${v(x[k])}`)
      .join(" ")}]`;
  return String(x);
}

const noMergeKey = (m: JsonMap, key: string) =>
  new StrategicMergeError(`map: ${v(m)} does not contain declared merge key: ${key}`);

/**
 * Applies a strategic merge patch to a built-in kind's object (`apiVersion` and `kind` are
 * read from it); throws {@link StrategicMergeUnsupported} for other kinds.
 *
 * @example
 * ```ts
 * strategicMerge(pod, { spec: { containers: [{ name: "main", image: "busybox:1.37" }] } });
 * ```
 */
export function strategicMerge(original: unknown, patch: unknown): unknown {
  const o = (isMap(original) ? original : {}) as JsonMap;
  const kind = `${String(o.apiVersion ?? "")}/${String(o.kind ?? "")}`;
  const type = KINDS[kind];
  if (type === undefined) throw new StrategicMergeUnsupported();
  return strategicMergeTyped(o, patch, type, TYPES);
}

/**
 * The patch applied with the struct tags of `type` in `types` (`StrategicMergeMapPatchUsingLookupPatchMeta`).
 *
 * @internal
 */
export function strategicMergeTyped(original: unknown, patch: unknown, type: string, types: PatchTypes): unknown {
  if (!isMap(patch)) throw new StrategicMergeError("a strategic merge patch is a JSON object");
  const o = isMap(original) ? original : {};
  return mergeMap(structuredClone(o), structuredClone(patch), new Schema(type, types));
}

function mergeMap(original: JsonMap | null, patch: JsonMap, schema: Schema): JsonMap {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const d = patch[DIRECTIVE];
    if (d === "replace") {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (d === "delete") return {};
    throw new StrategicMergeError(`unknown patch type: ${v(d)} in map: ${v(patch)}`);
  }
  const orig: JsonMap = original ?? {};
  applyRetainKeys(orig, patch);
  mergePatchIntoOriginal(orig, patch, schema);
  for (let [k, patchV] of Object.entries(patch)) {
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete orig[k];
      continue;
    }
    if (!Object.hasOwn(orig, k) || goType(orig[k]) !== goType(patchV)) {
      if (!isDeleteList) {
        discardNulls(patchV);
        const [value, keep] = removeDirectives(patchV);
        if (keep) orig[k] = value;
        else delete orig[k];
      }
      continue;
    }
    const cur = orig[k] as Json;
    if (isMap(cur)) {
      const { schema: sub, strategy } = schema.lookup(k);
      orig[k] = strategy !== "replace" ? mergeMap(cur, patchV as JsonMap, sub) : (patchV as JsonMap);
    } else if (Array.isArray(cur)) {
      const { schema: sub, strategy, mergeKey } = schema.lookup(k);
      orig[k] = mergeSliceHandler(cur, patchV as Json[], sub, strategy, mergeKey, isDeleteList).merged;
    } else {
      const [value, keep] = removeDirectives(patchV);
      if (keep) orig[k] = value;
      else delete orig[k];
    }
  }
  return orig;
}

function extractKey(s: string, prefix: string): string {
  const i = s.indexOf("/");
  if (i < 0 || s.slice(0, i) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw new StrategicMergeError("invalid patch format of primitive list");
    throw new StrategicMergeError("invalid patch format of setElementOrder list");
  }
  return s.slice(i + 1);
}

function discardNulls(x: Json): void {
  if (Array.isArray(x)) for (const e of x) discardNulls(e);
  else if (isMap(x))
    for (const [k, e] of Object.entries(x)) {
      if (e === null) delete x[k];
      else discardNulls(e);
    }
}

/** `removeDirectives`: the value without directive maps, and whether to keep it at all. */
function removeDirectives(x: Json): [Json, boolean] {
  if (isMap(x)) {
    if (Object.hasOwn(x, DIRECTIVE)) return [null, false];
    for (const [k, e] of Object.entries(x)) {
      const [value, keep] = removeDirectives(e);
      if (keep) x[k] = value;
      else delete x[k];
    }
    return [x, true];
  }
  if (Array.isArray(x)) {
    const out: Json[] = [];
    for (const e of x) {
      const [value, keep] = removeDirectives(e);
      if (keep) out.push(value);
    }
    return [out, true];
  }
  return [x, true];
}

function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw new StrategicMergeError("invalid patch format of retainKeys");
  const keep = new Set(list);
  for (const [k, e] of Object.entries(patch)) {
    if (e === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw new StrategicMergeError("invalid patch format of retainKeys");
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: Schema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw new StrategicMergeError(`expected []interface {}, but got ${goTypeName(order)}`);
    const field = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = Object.hasOwn(original, field);
    const foundPatch = Object.hasOwn(patch, field);
    const originalList = original[field];
    const patchList = patch[field];
    if (foundOriginal && !Array.isArray(originalList))
      throw new StrategicMergeError(`expected []interface {}, but got ${goTypeName(originalList)}`);
    if (foundPatch && !Array.isArray(patchList))
      throw new StrategicMergeError(`expected []interface {}, but got ${goTypeName(patchList)}`);
    const { schema: sub, strategy, mergeKey } = schema.lookup(field);
    validatePatchWithSetOrderList((patchList as Json[] | undefined) ?? [], order, mergeKey);
    let merged: Json[];
    // the original list as Go sees it after merging (see mergeSliceHandler)
    let serverOrder = (originalList as Json[] | undefined) ?? [];
    if (foundOriginal && !foundPatch) merged = originalList as Json[];
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList as Json[])[0] as Json[];
    else if (foundOriginal && foundPatch) {
      const r = mergeSliceHandler(originalList as Json[], patchList as Json[], sub, strategy, mergeKey, false);
      merged = r.merged;
      serverOrder = r.original;
    } else continue;
    const [patchItems, serverOnly] =
      mergeKey === "" ? partitionPrimitives(merged, order) : partitionMaps(merged, order, mergeKey);
    const kind = sliceElementType((originalList as Json[] | undefined) ?? [], (patchList as Json[] | undefined) ?? []);
    original[field] = normalizeElementOrder(patchItems, serverOnly, order, serverOrder, mergeKey, kind);
    delete patch[field];
  }
}

function goTypeName(x: unknown): string {
  const t = goType(x as Json);
  return t === "map" ? "map[string]interface {}" : t === "slice" ? "[]interface {}" : t;
}

function validatePatchWithSetOrderList(patchList: Json[], order: Json[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey !== "" ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < order.length) {
    const item = nonDelete[p] as Json;
    if (isMap(item) && Object.hasOwn(item, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, order[s] as Json, mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= order.length)
    throw new StrategicMergeError(
      `The order in patch list:\n${v(patchList)}\n doesn't match $setElementOrder list:\n${v(order)}\n`,
    );
}

function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (mergeKey === "") return left === right;
  if (!isMap(left) || !isMap(right)) throw new StrategicMergeError("expected map[string]interface {}");
  if (!Object.hasOwn(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/**
 * `mergeSliceHandler`: the merged list, and the original list as Go sees it afterwards (merging
 * shifts and fills the original's backing array in place, and `$setElementOrder` then orders by
 * that).
 */
function mergeSliceHandler(
  original: Json[],
  patch: Json[],
  schema: Schema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
): { merged: Json[]; original: Json[] } {
  if (strategy === "merge" || isDeleteList) return mergeSlice(original, patch, schema, mergeKey, isDeleteList);
  return { merged: patch, original };
}

/** `sliceElementType`: "map" or a scalar type; lists of lists are refused. */
function sliceElementType(...slices: Json[][]): string {
  let prev: string | undefined;
  for (const s of slices)
    for (const e of s) {
      const t = goType(e);
      if (prev === undefined) {
        prev = t;
        if (t === "slice") throw new StrategicMergeError("lists of lists are not supported");
      } else if (prev !== t) throw new StrategicMergeError(`list element types are not identical: ${v(slices)}`);
    }
  if (prev === undefined) throw new StrategicMergeError("no elements in any of the given slices");
  return prev;
}

/** A Go slice header over a shared backing array (`append` writes into it while there is room). */
interface GoSlice {
  buf: Json[];
  len: number;
  cap: number;
}

function mergeSlice(
  original: Json[],
  patch: Json[],
  schema: Schema,
  mergeKey: string,
  isDeleteList: boolean,
): { merged: Json[]; original: Json[] } {
  if (original.length === 0 && patch.length === 0) return { merged: original, original };
  const kind = sliceElementType(original, patch);
  if (kind !== "map") {
    if (isDeleteList) {
      const drop = new Set(patch);
      return { merged: original.filter((e) => !drop.has(e)), original };
    }
    const merged = deduplicateScalars([...original, ...patch]);
    const [patchItems, serverOnly] = partitionPrimitives(merged, patch);
    return { merged: normalizeElementOrder(patchItems, serverOnly, patch, original, "", kind), original };
  }
  if (mergeKey === "") throw new StrategicMergeError(`cannot merge lists without merge key for ${schema.type}`);
  const backing = [...original];
  const view = (): Json[] => backing.slice(0, original.length);
  const [orig, p] = mergeSliceWithSpecialElements(
    { buf: backing, len: original.length, cap: original.length },
    patch,
    mergeKey,
  );
  const merged = mergeSliceWithoutSpecialElements(orig, p, mergeKey, schema);
  const origList = orig.buf.slice(0, orig.len);
  const [patchItems, serverOnly] = partitionMaps(merged, p, mergeKey);
  return { merged: normalizeElementOrder(patchItems, serverOnly, p, origList, mergeKey, kind), original: view() };
}

function mergeSliceWithSpecialElements(original: GoSlice, patch: Json[], mergeKey: string): [GoSlice, Json[]] {
  const plain: Json[] = [];
  let replace = false;
  const orig = original;
  for (const item of patch) {
    const m = item as JsonMap;
    if (!Object.hasOwn(m, DIRECTIVE)) {
      plain.push(item);
      continue;
    }
    const d = m[DIRECTIVE];
    if (d === "delete") {
      if (!Object.hasOwn(m, mergeKey)) throw noMergeKey(m, mergeKey);
      // deleteMatchingEntries: append(original[:i], original[i+1:]...) shifts in place
      for (;;) {
        const i = findByKey(orig.buf.slice(0, orig.len), mergeKey, m[mergeKey] as Json);
        if (i < 0) break;
        orig.buf.copyWithin(i, i + 1, orig.len);
        orig.len--;
      }
    } else if (d === "replace") replace = true;
    else if (d === "merge") throw new StrategicMergeError("merging lists cannot yet be specified in the patch");
    else throw new StrategicMergeError(`unknown patch type: ${v(d)} in map: ${v(m)}`);
  }
  return replace ? [{ buf: plain, len: plain.length, cap: plain.length }, []] : [orig, plain];
}

function mergeSliceWithoutSpecialElements(original: GoSlice, patch: Json[], mergeKey: string, schema: Schema): Json[] {
  const out: GoSlice = { ...original };
  for (const item of patch) {
    const m = item as JsonMap;
    if (!Object.hasOwn(m, mergeKey)) throw noMergeKey(m, mergeKey);
    const i = findByKey(out.buf.slice(0, out.len), mergeKey, m[mergeKey] as Json);
    if (i >= 0) out.buf[i] = mergeMap(out.buf[i] as JsonMap, m, schema);
    else if (out.len < out.cap) out.buf[out.len++] = item;
    else {
      // no room: append copies to a new backing array
      out.buf = [...out.buf.slice(0, out.len), item];
      out.len++;
      out.cap = out.len;
    }
  }
  return out.buf.slice(0, out.len);
}

function findByKey(list: Json[], key: string, value: Json): number {
  for (const [i, e] of list.entries()) {
    if (!isMap(e)) throw new StrategicMergeError(`value for key ${i} is not a map`);
    if (Object.hasOwn(e, key) && e[key] === value) return i;
  }
  return -1;
}

/** Go's `deduplicateScalars`, which moves the last item into a duplicate's place. */
function deduplicateScalars(s: Json[]): Json[] {
  const a = [...s];
  let length = a.length - 1;
  for (let i = 0; i < length; i++)
    for (let j = i + 1; j <= length; j++)
      if (a[i] === a[j]) {
        a[j] = a[length] as Json;
        a.length = length;
        length--;
        j--;
      }
  return a;
}

function partitionPrimitives(list: Json[], by: Json[]): [Json[], Json[]] {
  const inPatch = new Set(by);
  return [list.filter((e) => inPatch.has(e)), list.filter((e) => !inPatch.has(e))];
}

function partitionMaps(list: Json[], by: Json[], mergeKey: string): [Json[], Json[]] {
  const patch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const e of list) {
    if (!isMap(e)) throw new StrategicMergeError("expected map[string]interface {}");
    if (!Object.hasOwn(e, mergeKey)) throw noMergeKey(e, mergeKey);
    if (findByKey(by, mergeKey, e[mergeKey] as Json) >= 0) patch.push(e);
    else serverOnly.push(e);
  }
  return [patch, serverOnly];
}

function extractToDeleteItems(l: Json[]): [Json[], Json[]] {
  const keep: Json[] = [];
  const drop: Json[] = [];
  for (const e of l) {
    if (!isMap(e)) throw new StrategicMergeError("expected map[string]interface {}");
    if (e[DIRECTIVE] === "delete") drop.push(e);
    else keep.push(e);
  }
  return [keep, drop];
}

function indexIn(l: Json[], x: Json, mergeKey: string, kind: string): number {
  const val = (e: Json) => (kind === "map" ? (isMap(e) ? (e[mergeKey] ?? null) : null) : e);
  const want = val(x);
  return l.findIndex((e) => val(e) === want);
}

function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, kind: string): Json[] {
  let items = toSort;
  let toDelete: Json[] = [];
  if (kind === "map") {
    for (const l of [toSort, order])
      for (const e of l) if (isMap(e) && !Object.hasOwn(e, mergeKey)) throw noMergeKey(e, mergeKey);
    [items, toDelete] = extractToDeleteItems(toSort);
  }
  // sort.SliceStable by the position in `order` (every item is found there in a valid patch)
  const sorted = items
    .map((e, i) => ({ e, i, at: indexIn(order, e, mergeKey, kind) }))
    .sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : 0) || a.i - b.i)
    .map((x) => x.e);
  return [...sorted, ...toDelete];
}

function normalizeElementOrder(
  patch: Json[],
  serverOnly: Json[],
  patchOrder: Json[],
  serverOrder: Json[],
  mergeKey: string,
  kind: string,
): Json[] {
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  const right = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  // mergeSortedSlice: server-only items inserted into the patch items by the live order
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++] as Json);
    else if (j >= right.length) out.push(left[i++] as Json);
    else {
      const li = indexIn(serverOrder, left[i] as Json, mergeKey, kind);
      const ri = indexIn(serverOrder, right[j] as Json, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] as Json);
      else out.push(right[j++] as Json);
    }
  }
  return out;
}
