// How go-yaml v2 (the reader behind sigs.k8s.io/yaml, hence kubectl and the API server's YAML input)
// resolves a plain (unquoted, untagged) scalar. YAML 1.1-ish, but NOT the full YAML 1.1 schema:
// - booleans: y Y yes Yes YES on On ON true True TRUE / n N no No NO off Off OFF false False FALSE
// - null: "" ~ null Null NULL
// - ints: Go's strconv.ParseInt(s, 0, 64) after removing every "_": 0755 octal, 0x1F hex, 0b101, 0o17, +1;
//   an int past 2^53 (which a JavaScript number would round) is a BigInt, so it is written back exactly
// - floats: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ and .inf/.nan spellings
// - timestamps (2001-12-14) stay strings when decoded into interface{}; no sexagesimal (12:30 is a string).

const TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSE = new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const NULL = new Set(["", "~", "null", "Null", "NULL"]);
const SPECIAL_FLOAT: Record<string, number> = {
  ".nan": NaN,
  ".NaN": NaN,
  ".NAN": NaN,
  ".inf": Infinity,
  ".Inf": Infinity,
  ".INF": Infinity,
  "+.inf": Infinity,
  "+.Inf": Infinity,
  "+.INF": Infinity,
  "-.inf": -Infinity,
  "-.Inf": -Infinity,
  "-.INF": -Infinity,
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// Go's ParseInt(s, 0, 64) syntax (underscores already removed).
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/;
// Go's ParseFloat also reads these (only reached for scalars starting with ".": ".5", ".5e3").
const GO_DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Resolves a plain YAML scalar the way Kubernetes' YAML reader (go-yaml v2) does.
 *
 * @example
 * ```ts
 * resolvePlainScalar("yes");   // true
 * resolvePlainScalar("0755");  // 493
 * resolvePlainScalar("12:30"); // "12:30"
 * resolvePlainScalar("9007199254740993"); // 9007199254740993n (exact past 2^53)
 * ```
 */
export function resolvePlainScalar(s: string): string | number | bigint | boolean | null {
  if (NULL.has(s)) return null;
  const c = s.charCodeAt(0);
  // go-yaml only tries typed values for scalars starting with one of these characters.
  const numberish = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
  if (!numberish) {
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
    return s;
  }
  const special = SPECIAL_FLOAT[s];
  if (special !== undefined) return special;
  if (c === 46) return GO_DOT_FLOAT.test(s) ? Number(s) : s;
  const plain = s.includes("_") ? s.replaceAll("_", "") : s;
  if (GO_INT.test(plain)) {
    const v = parseGoInt(plain);
    if (v !== undefined) return v;
  }
  if (YAML_STYLE_FLOAT.test(plain)) return Number(plain);
  return s;
}

function parseGoInt(plain: string): number | bigint | undefined {
  let neg = false;
  let body = plain;
  if (body[0] === "+" || body[0] === "-") {
    neg = body[0] === "-";
    body = body.slice(1);
  }
  let big: bigint;
  const p = body.slice(0, 2).toLowerCase();
  if (p === "0x" || p === "0b" || p === "0o") big = BigInt(p + body.slice(2));
  else if (body.length > 1 && body[0] === "0") big = BigInt(`0o${body.slice(1)}`);
  else big = BigInt(body);
  if (neg) big = -big;
  // ParseInt fails past int64 and ParseUint past uint64 (and for negatives): then it is no int.
  if (big > UINT64_MAX || big < -INT64_MAX - 1n) return undefined;
  const n = Number(big);
  return Number.isSafeInteger(n) ? n : big;
}
