import type { Sequence } from "@wfc/sdk/argo";
import type { Scope } from "./subst.js";
import { substituteDeep } from "./subst.js";

/** A loop-expandable holder (DAG task or step). */
export interface Expandable {
  readonly name?: string;
  readonly when?: string;
  readonly withItems?: unknown[];
  readonly withParam?: string;
  readonly withSequence?: Sequence;
}

export function shouldExpand(t: Expandable): boolean {
  return (t.withItems?.length ?? 0) > 0 || !!t.withParam || t.withSequence !== undefined;
}

/** How a wfv1.Item prints (`Item.String()`): strings bare, everything else as its JSON. */
export function itemString(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** `generateNodeName`: `name(index:desc)` with parentheses removed from desc. */
export function loopNodeName(name: string, index: number, desc: string): string {
  return `${name}(${index}:${desc.replace(/[()]/g, "")})`;
}

/** `expandSequence`. */
export function expandSequence(seq: Sequence): string[] {
  const int = (v: unknown, what: string) => {
    const n = Number.parseInt(String(v), 10);
    if (!/^\s*-?\d+\s*$/.test(String(v)))
      throw new Error(`strconv.Atoi: parsing "${String(v)}": invalid syntax (withSequence.${what})`);
    return n;
  };
  const start = seq.start !== undefined ? int(seq.start, "start") : 0;
  let end: number;
  if (seq.end !== undefined) end = int(seq.end, "end");
  else if (seq.count !== undefined) {
    const count = int(seq.count, "count");
    if (count === 0) return [];
    end = start + count - 1;
  } else throw new Error("neither end nor count was specified in withSequence");
  const fmt = seq.format ?? "%d";
  const out: string[] = [];
  if (start <= end) for (let i = start; i <= end; i++) out.push(sprintfInt(fmt, i));
  else for (let i = start; i >= end; i--) out.push(sprintfInt(fmt, i));
  return out;
}

/** Go's `fmt.Sprintf(format, i)` for the integer verbs sequences use (`%d`, `%02d`, `%x`, `%o`, `%5d`). */
function sprintfInt(fmt: string, n: number): string {
  return fmt.replace(
    /%(-)?(0)?(\d+)?([dxXob%])/g,
    (_m, minus: string | undefined, zero: string | undefined, width: string | undefined, verb: string) => {
      if (verb === "%") return "%";
      const base = verb === "x" || verb === "X" ? 16 : verb === "o" ? 8 : verb === "b" ? 2 : 10;
      let s = Math.abs(n).toString(base);
      if (verb === "X") s = s.toUpperCase();
      const w = width ? Number(width) : 0;
      const sign = n < 0 ? "-" : "";
      if (minus) return (sign + s).padEnd(w, " ");
      if (zero) return sign + s.padStart(w - sign.length, "0");
      return (sign + s).padStart(w, " ");
    },
  );
}

/** One iteration of a loop: the holder with `item` substituted, and its node-name suffix. */
export interface Expanded<T> {
  readonly value: T;
  readonly name: string;
}

/**
 * `expandTask`/`expandStep` + `processItem`: the items of `withItems`/`withParam`/`withSequence`,
 * each substituted into the holder (`{{item}}`, `{{item.key}}`), named `name(i:desc)`.
 */
export function expandItems<T extends Expandable>(
  holder: T,
  global: Scope,
  evalWhen: (when: string) => boolean | Error,
): Expanded<T>[] {
  let items: unknown[];
  if (holder.withItems?.length) items = holder.withItems;
  else if (holder.withParam !== undefined) {
    try {
      const parsed: unknown = JSON.parse(holder.withParam);
      if (!Array.isArray(parsed)) throw new Error("not a list");
      items = parsed;
    } catch (e) {
      const must = holder.when ? evalWhen(holder.when) : true;
      if (must instanceof Error || must) {
        throw new Error(
          `withParam value could not be parsed as a JSON list: ${holder.withParam.trim()}: ${(e as Error).message}`,
        );
      }
      items = [];
    }
  } else if (holder.withSequence) items = expandSequence(holder.withSequence);
  else return [{ value: holder, name: holder.name ?? "" }];

  const { withItems: _i, withParam: _p, withSequence: _s, ...rest } = holder;
  void _i;
  void _p;
  void _s;
  const base = rest as T;
  const name = holder.name ?? "";
  return items.map((item, i) => {
    const replace: Scope = { ...global };
    let desc: string;
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      const vals: string[] = [];
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
        replace[`item.${k}`] = itemString(v);
        vals.push(`${k}:${itemString(v)}`);
      }
      replace.item = JSON.stringify(item);
      vals.sort();
      desc = vals.join(",");
    } else if (Array.isArray(item)) {
      replace.item = JSON.stringify(item);
      desc = `[${(item as unknown[]).map(itemString).join(" ")}]`;
    } else if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      replace.item = itemString(item);
      desc = itemString(item);
    } else {
      throw new Error(`withItems[${i}] expected string, number, list, or map. received: ${itemString(item)}`);
    }
    const value = substituteDeep(base, replace, { allowUnresolved: true, what: `${name} item ${i}` });
    return { value: { ...value, name: loopNodeName(name, i, desc) } as T, name: loopNodeName(name, i, desc) };
  });
}
