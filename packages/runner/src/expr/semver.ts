/**
 * Masterminds/semver v3 (v3.5, the version Argo v4.1 links through sprig v3.3), ported for
 * sprig's `semver` and `semverCompare`: `NewVersion` (loose: `v1`, `1.2`, leading zeros coerced),
 * `NewConstraint` (`=`, `!=`, `>`, `<`, `>=`, `<=`, `~`, `~>`, `^`, `x`/`X`/`*` wildcards,
 * `1.2 - 1.4` ranges, ANDs by space or comma, ORs by `||`) and `Constraints.Check`.
 *
 * Not npm's `semver`, which disagrees on 85 of the 241 constraint cases of Masterminds' own tests
 * (the tables of `semver.test.ts`): npm has no `!=` and no comma-separated ANDs, refuses loose
 * versions (`1`, `1.4`, `v1.2`), and lets a prerelease version satisfy a range only when a
 * comparator has a prerelease on the same major.minor.patch, where Masterminds lets it when any
 * constraint of the AND group has one (`>=1.0.0-0 <=2.0.0` takes `1.0.1-beta` here, not in npm;
 * `~1.2.3-beta.2` takes `1.2.4-beta.2`); and `~0.0.0` is "anything" here. So this is a port of
 * Masterminds' code.
 */
import { goQuote } from "../template/go-quote.js";
import { panic } from "./panic.js";
import { type GoFunc, GoObject } from "./value.js";

const MAX_U64 = 2n ** 64n - 1n;
const NUM = /^[0-9]*$/;
const ALLOWED = /^[a-zA-Z0-9-]*$/;

// Go's RE2 `\s` is ASCII whitespace only
const S = "[\\t\\n\\f\\r ]";
const looseSemVer =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const cv =
  "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?" +
  "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?" +
  "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const ops = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
const constraintRe = new RegExp(`^${S}*(${ops})${S}*(${cv})${S}*$`);
const rangeRe = new RegExp(`${S}*(${cv})${S}+-${S}+(${cv})${S}*`, "g");
const findRe = new RegExp(`(${ops})${S}*(${cv})`, "g");
const validRe = new RegExp(`^(${S}*(${ops})${S}*(${cv})${S}*)((?:${S}+|,${S}*)(${ops})${S}*(${cv})${S}*)*$`);

/** A Go error value of Masterminds/semver, thrown while parsing. */
export class SemverError extends Error {}

function parseUint(s: string): bigint {
  const v = BigInt(s);
  if (v > MAX_U64)
    throw new SemverError(
      `error parsing version segment: strconv.ParseUint: parsing ${goQuote(s)}: value out of range`,
    );
  return v;
}

function validatePrerelease(p: string): void {
  for (const part of p.split(".")) {
    if (part === "") throw new SemverError("invalid prerelease string");
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === "0") throw new SemverError("version segment starts with 0");
    } else if (!ALLOWED.test(part)) throw new SemverError("invalid prerelease string");
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split("."))
    if (part === "" || !ALLOWED.test(part)) throw new SemverError("invalid metadata string");
}

/**
 * A `semver.Version`: what sprig's `semver` returns (a pointer, `*semver.Version`); expressions
 * call its methods, e.g. `sprig.semver("v1.2.3-rc.1").Prerelease()` is `"rc.1"`.
 *
 * @internal
 */
export class SemVersion extends GoObject {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    /** A `*Version` (what `NewVersion` returns) or a `Version` value (what `IncMajor` returns). */
    readonly pointer = true,
  ) {
    super();
  }

  /** `NewVersion` with `CoerceNewVersion` (the default): loose, leading zeros allowed. */
  static parse(v: string): SemVersion {
    const m = looseSemVer.exec(v);
    if (!m) throw new SemverError("invalid semantic version");
    const pre = m[5] ?? "";
    const metadata = m[8] ?? "";
    const major = parseUint(m[1] as string);
    const minor = m[2] ? parseUint(m[2].slice(1)) : 0n;
    const patch = m[3] ? parseUint(m[3].slice(1)) : 0n;
    if (pre) validatePrerelease(pre);
    if (metadata) validateMetadata(metadata);
    return new SemVersion(major, minor, patch, pre, metadata, v);
  }

  override get goType(): string {
    return this.pointer ? "*semver.Version" : "semver.Version";
  }

  /** `String()`: no leading `v`. */
  override toString(): string {
    return `${this.major}.${this.minor}.${this.patch}${this.pre ? `-${this.pre}` : ""}${this.metadata ? `+${this.metadata}` : ""}`;
  }

  override formatV(): string {
    return this.toString();
  }

  override marshalJSON(): string {
    return JSON.stringify(this.toString());
  }

  override deepEqual(o: unknown): boolean {
    return (
      o instanceof SemVersion &&
      o.pointer === this.pointer &&
      o.major === this.major &&
      o.minor === this.minor &&
      o.patch === this.patch &&
      o.pre === this.pre &&
      o.metadata === this.metadata &&
      o.original === this.original
    );
  }

  compare(o: SemVersion): number {
    for (const [a, b] of [
      [this.major, o.major],
      [this.minor, o.minor],
      [this.patch, o.patch],
    ] as const)
      if (a !== b) return a < b ? -1 : 1;
    if (this.pre === "" && o.pre === "") return 0;
    if (this.pre === "") return 1;
    if (o.pre === "") return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  private vPrefix(): string {
    return this.original.startsWith("v") ? "v" : "";
  }

  private next(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): SemVersion {
    const n = new SemVersion(major, minor, patch, pre, metadata, "", false);
    return new SemVersion(major, minor, patch, pre, metadata, this.vPrefix() + n.toString(), false);
  }

  override goMethod(name: string): GoFunc | undefined {
    const other = (args: readonly unknown[], method: string): SemVersion => {
      if (args.length !== 1) return panic(`invalid number of arguments: expected 1, got ${args.length}`);
      const o = args[0];
      if (o instanceof SemVersion && o.pointer) return o;
      if (o === null || o === undefined)
        return panic(`runtime error: invalid memory address or nil pointer dereference (${method})`);
      return panic(
        `reflect: Call using ${o instanceof GoObject ? o.goType : typeof o === "string" ? "string" : "interface {}"} as type *semver.Version`,
      );
    };
    const noArgs =
      (f: () => unknown): GoFunc =>
      (args) =>
        args.length === 0 ? f() : panic(`invalid number of arguments: expected 0, got ${args.length}`);
    const strArg =
      (f: (s: string) => unknown): GoFunc =>
      (args) => {
        if (args.length !== 1) return panic(`invalid number of arguments: expected 1, got ${args.length}`);
        const s = args[0] ?? "";
        return typeof s === "string" ? f(s) : panic(`reflect: Call using ${typeof s} as type string`);
      };
    const overflow = (what: string, v: bigint) => {
      if (v === MAX_U64) panic(`${what} version increment would overflow uint64`);
    };
    // methods on the value receiver, in both method sets
    const value: Record<string, GoFunc> = {
      String: noArgs(() => this.toString()),
      Major: noArgs(() => this.major),
      Minor: noArgs(() => this.minor),
      Patch: noArgs(() => this.patch),
      Prerelease: noArgs(() => this.pre),
      Metadata: noArgs(() => this.metadata),
      IncPatch: noArgs(() => {
        if (this.pre !== "") return this.next(this.major, this.minor, this.patch, "", "");
        overflow("patch", this.patch);
        return this.next(this.major, this.minor, this.patch + 1n, "", "");
      }),
      IncMinor: noArgs(() => {
        overflow("minor", this.minor);
        return this.next(this.major, this.minor + 1n, 0n, "", "");
      }),
      IncMajor: noArgs(() => {
        overflow("major", this.major);
        return this.next(this.major + 1n, 0n, 0n, "", "");
      }),
      SetPrerelease: strArg((p) => {
        if (p) validateOrPanic(() => validatePrerelease(p));
        return this.next(this.major, this.minor, this.patch, p, this.metadata);
      }),
      SetMetadata: strArg((m) => {
        if (m) validateOrPanic(() => validateMetadata(m));
        return this.next(this.major, this.minor, this.patch, this.pre, m);
      }),
    };
    if (value[name]) return value[name];
    if (!this.pointer) return undefined;
    // methods on the pointer receiver
    const pointer: Record<string, GoFunc> = {
      Original: noArgs(() => this.original),
      LessThan: (a) => this.compare(other(a, "LessThan")) < 0,
      LessThanEqual: (a) => this.compare(other(a, "LessThanEqual")) <= 0,
      GreaterThan: (a) => this.compare(other(a, "GreaterThan")) > 0,
      GreaterThanEqual: (a) => this.compare(other(a, "GreaterThanEqual")) >= 0,
      Equal: (a) => this.compare(other(a, "Equal")) === 0,
      Compare: (a) => BigInt(this.compare(other(a, "Compare"))),
    };
    return pointer[name];
  }
}

function validateOrPanic(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof SemverError) panic(e.message);
    throw e;
  }
}

function comparePrerelease(v: string, o: string): number {
  const sp = v.split(".");
  const op = o.split(".");
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? "", op[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}

const U64 = /^[0-9]+$/;
function uint(s: string): bigint | undefined {
  if (!U64.test(s)) return undefined;
  const v = BigInt(s);
  return v > MAX_U64 ? undefined : v;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === "") return -1;
  if (o === "") return 1;
  const oi = uint(o);
  const si = uint(s);
  if (oi === undefined && si === undefined) return s > o ? 1 : -1;
  if (oi === undefined) return -1;
  if (si === undefined) return 1;
  return si > oi ? 1 : -1;
}

interface Constraint {
  readonly con: SemVersion;
  readonly op: string;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  readonly dirty: boolean;
}

const isX = (x: string) => x === "x" || x === "*" || x === "X";

function parseConstraint(c: string): Constraint {
  const m = constraintRe.exec(c);
  if (!m) throw new SemverError(`improper constraint: ${goQuote(c)}`);
  const [, op = "", orig = "", m3 = "", m4 = "", m5 = "", m6 = ""] = m;
  let ver = orig;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(m3) || m3 === "") {
    ver = `0.0.0${m6}`;
    dirty = true;
  } else if (isX(m4.replace(/^\./, "")) || m4 === "") {
    minorDirty = true;
    dirty = true;
    ver = `${m3}.0.0${m6}`;
  } else if (isX(m5.replace(/^\./, "")) || m5 === "") {
    dirty = true;
    patchDirty = true;
    ver = `${m3}${m4}.0${m6}`;
  }
  let con: SemVersion;
  try {
    con = SemVersion.parse(ver);
  } catch {
    throw new SemverError("constraint parser error");
  }
  return { con, op, minorDirty, patchDirty, dirty };
}

function rewriteRange(i: string): string {
  let o = i;
  for (const v of i.matchAll(rangeRe)) o = o.replace(v[0], `>= ${v[1]}, <= ${v[11]} `);
  return o;
}

/**
 * `semver.NewConstraint`: the OR groups of AND-ed constraints, and whether each group opts in
 * to prereleases.
 *
 * @internal
 */
export class SemConstraints {
  private constructor(
    private readonly groups: readonly (readonly Constraint[])[],
    private readonly containsPre: readonly boolean[],
  ) {}

  static parse(text: string): SemConstraints {
    const ors = rewriteRange(text).split("||");
    const groups: Constraint[][] = [];
    const hasPre: boolean[] = [];
    for (const v of ors) {
      if (!validRe.test(v)) throw new SemverError(`improper constraint: ${goQuote(v)}`);
      const cs = [...v.matchAll(findRe)].map((x) => x[0]);
      if (cs.length === 0) cs.push(v);
      const result = cs.map(parseConstraint);
      hasPre.push(result.some((c) => c.con.pre !== ""));
      groups.push(result);
    }
    return new SemConstraints(groups, hasPre);
  }

  /** How many constraints each OR group has (for tests). */
  sizes(): number[] {
    return this.groups.map((g) => g.length);
  }

  /** `Constraints.Check`. */
  check(v: SemVersion): boolean {
    return this.groups.some((group, i) => group.every((c) => check(v, c, this.containsPre[i] === true)));
  }
}

function check(v: SemVersion, c: Constraint, includePre: boolean): boolean {
  // every operator first drops a prerelease version unless its group opts in
  if (v.pre !== "" && !includePre) return false;
  switch (c.op) {
    case "":
    case "=":
      return c.dirty ? tilde(v, c) : v.compare(c.con) === 0;
    case "!=":
      return notEqual(v, c);
    case ">":
      return greaterThan(v, c);
    case "<":
      return v.compare(c.con) < 0;
    case ">=":
    case "=>":
      return v.compare(c.con) >= 0;
    case "<=":
    case "=<":
      return lessThanEqual(v, c);
    case "~":
    case "~>":
      return tilde(v, c);
    case "^":
      return caret(v, c);
  }
  return false;
}

function notEqual(v: SemVersion, c: Constraint): boolean {
  if (c.dirty) {
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== "" || c.con.pre !== "") return comparePrerelease(v.pre, c.con.pre) !== 0;
      return false;
    }
  }
  return v.compare(c.con) !== 0;
}

function greaterThan(v: SemVersion, c: Constraint): boolean {
  if (!c.dirty) return v.compare(c.con) === 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major) return false;
  // `>11` needs 12 or more, `>11.1` needs 11.2 or more
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return v.compare(c.con) === 1;
}

function lessThanEqual(v: SemVersion, c: Constraint): boolean {
  if (!c.dirty) return v.compare(c.con) <= 0;
  if (v.major > c.con.major) return false;
  if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
  return true;
}

function tilde(v: SemVersion, c: Constraint): boolean {
  if (v.compare(c.con) < 0) return false;
  // ~0.0.0 accepts everything
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function caret(v: SemVersion, c: Constraint): boolean {
  if (v.compare(c.con) < 0) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (c.con.major === 0n && v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (c.con.minor === 0n && v.minor > 0n) return false;
  return c.con.patch === v.patch;
}
