/** expr-lang's parser (parser/parser.go): precedence climbing over the lexer's tokens. */

import type { Node } from "./ast.js";
import { EvalFailure } from "./errors.js";
import { isAlphaNumeric, lex, type Token } from "./lexer.js";

interface Op {
  readonly precedence: number;
  readonly right?: boolean;
}

const unary: Record<string, Op> = {
  not: { precedence: 50 },
  "!": { precedence: 50 },
  "-": { precedence: 90 },
  "+": { precedence: 90 },
};

const binary: Record<string, Op> = {
  "|": { precedence: 0 },
  or: { precedence: 10 },
  "||": { precedence: 10 },
  and: { precedence: 15 },
  "&&": { precedence: 15 },
  "==": { precedence: 20 },
  "!=": { precedence: 20 },
  "<": { precedence: 20 },
  ">": { precedence: 20 },
  ">=": { precedence: 20 },
  "<=": { precedence: 20 },
  in: { precedence: 20 },
  matches: { precedence: 20 },
  contains: { precedence: 20 },
  startsWith: { precedence: 20 },
  endsWith: { precedence: 20 },
  "..": { precedence: 25 },
  "+": { precedence: 30 },
  "-": { precedence: 30 },
  "*": { precedence: 60 },
  "/": { precedence: 60 },
  "%": { precedence: 60 },
  "**": { precedence: 100, right: true },
  "^": { precedence: 100, right: true },
  "??": { precedence: 500 },
};

const comparison = new Set(["<", ">", ">=", "<="]);
const negatable = new Set(["contains", "matches", "startsWith", "endsWith", "in"]);

/** Predicate builtins and their argument shapes: `e` expression, `p` predicate, `?` optional. */
const predicates: Record<string, readonly string[]> = {
  all: ["e", "p"],
  none: ["e", "p"],
  any: ["e", "p"],
  one: ["e", "p"],
  filter: ["e", "p"],
  map: ["e", "p"],
  count: ["e", "p?"],
  sum: ["e", "p?"],
  find: ["e", "p"],
  findIndex: ["e", "p"],
  findLast: ["e", "p"],
  findLastIndex: ["e", "p"],
  groupBy: ["e", "p"],
  sortBy: ["e", "p", "e?"],
  reduce: ["e", "p", "e?"],
};

const MAX_INT = 2n ** 63n - 1n;

function tokenString(t: Token): string {
  return t.value === "" ? t.kind : `${t.kind}(${JSON.stringify(t.value)})`;
}

/** Parses an expression into its tree; throws {@link EvalFailure} with the offset of the problem. */
export function parse(source: string): Node {
  const tokens = lex(source);
  let i = 0;
  let cur = tokens[0] as Token;
  let depth = 0;
  const is = (t: Token, kind: Token["kind"], ...values: string[]) =>
    t.kind === kind && (values.length === 0 || values.includes(t.value));
  const fail = (t: Token, msg: string): never => {
    throw new EvalFailure(msg, t.from);
  };
  const next = () => {
    if (cur.kind === "EOF") fail(cur, "unexpected end of expression");
    cur = tokens[++i] as Token;
  };
  const expect = (kind: Token["kind"], ...values: string[]) => {
    if (is(cur, kind, ...values)) next();
    else fail(cur, `unexpected token ${tokenString(cur)}`);
  };

  const node = parseSequence();
  if (!is(cur, "EOF")) fail(cur, `unexpected token ${tokenString(cur)}`);
  return node;

  function parseSequence(): Node {
    const nodes = [parseExpression(0)];
    while (is(cur, "Operator", ";")) {
      next();
      if (is(cur, "EOF")) break;
      nodes.push(parseExpression(0));
    }
    return nodes.length === 1 ? (nodes[0] as Node) : { k: "seq", at: (nodes[0] as Node).at, nodes };
  }

  function parseExpression(precedence: number): Node {
    if (precedence === 0 && is(cur, "Operator", "let")) return parseLet();
    if (precedence === 0 && is(cur, "Operator", "if")) return parseIf();
    let left = parsePrimary();
    let prev = "";
    let opToken = cur;
    while (opToken.kind === "Operator") {
      let negate = false;
      if (opToken.value === "not") {
        const save = i;
        const saveCur = cur;
        next();
        if (!negatable.has(cur.value)) fail(cur, `unexpected token ${tokenString(cur)}`);
        const op = binary[cur.value] as Op;
        if (op.precedence < precedence) {
          i = save;
          cur = saveCur;
          break;
        }
        negate = true;
        opToken = cur;
      }
      const op = binary[opToken.value];
      if (!op || op.precedence < precedence) break;
      next();
      if (opToken.value === "|") {
        const ident = cur;
        expect("Identifier");
        left = parseCall(ident, [left]);
      } else {
        if (prev === "??" && opToken.value !== "??")
          fail(
            opToken,
            `Operator (${opToken.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`,
          );
        if (comparison.has(opToken.value)) left = parseComparison(left, opToken, op.precedence);
        else {
          const right = parseExpression(op.right ? op.precedence : op.precedence + 1);
          left = { k: "binary", at: opToken.from, op: opToken.value, left, right };
          if (negate) left = { k: "unary", at: opToken.from, op: "not", node: left };
        }
      }
      prev = opToken.value;
      opToken = cur;
    }
    if (precedence === 0) left = parseConditional(left);
    return left;
  }

  function parseComparison(left: Node, token: Token, precedence: number): Node {
    let root: Node | undefined;
    for (;;) {
      const right = parseExpression(precedence + 1);
      const cmp: Node = { k: "binary", at: token.from, op: token.value, left, right };
      root = root ? { k: "binary", at: token.from, op: "&&", left: root, right: cmp } : cmp;
      left = right;
      token = cur;
      if (!(token.kind === "Operator" && comparison.has(token.value))) break;
      next();
    }
    return root;
  }

  function parseLet(): Node {
    expect("Operator", "let");
    const name = cur;
    expect("Identifier");
    expect("Operator", "=");
    const value = parseExpression(0);
    expect("Operator", ";");
    return { k: "let", at: name.from, name: name.value, value, body: parseSequence() };
  }

  function parseIf(): Node {
    const at = cur.from;
    next();
    const cond = parseExpression(0);
    expect("Bracket", "{");
    const a = parseSequence();
    expect("Bracket", "}");
    expect("Operator", "else");
    let b: Node;
    if (is(cur, "Operator", "if")) b = parseIf();
    else {
      expect("Bracket", "{");
      b = parseSequence();
      expect("Bracket", "}");
    }
    return { k: "cond", at, cond, a, b };
  }

  function parseConditional(node: Node): Node {
    while (is(cur, "Operator", "?")) {
      next();
      let a: Node;
      let b: Node;
      if (!is(cur, "Operator", ":")) {
        a = parseExpression(0);
        expect("Operator", ":");
        b = parseExpression(0);
      } else {
        next();
        a = node;
        b = parseExpression(0);
      }
      node = { k: "cond", at: cur.from, cond: node, a, b };
    }
    return node;
  }

  function parsePrimary(): Node {
    const t = cur;
    if (t.kind === "Operator" && unary[t.value]) {
      next();
      const node = parseExpression((unary[t.value] as Op).precedence);
      return parsePostfix({ k: "unary", at: t.from, op: t.value, node });
    }
    if (is(t, "Bracket", "(")) {
      next();
      const e = parseSequence();
      expect("Bracket", ")");
      return parsePostfix(e);
    }
    if (depth > 0 && (is(t, "Operator", "#") || is(t, "Operator", "."))) {
      let name = "";
      if (t.value === "#") {
        next();
        if (cur.kind === "Identifier") {
          name = cur.value;
          next();
        }
      }
      return parsePostfix({ k: "pointer", at: t.from, name });
    }
    if (is(t, "Operator", "::")) {
      next();
      const id = cur;
      expect("Identifier");
      return parsePostfix(parseCall(id, []));
    }
    return parseSecondary();
  }

  function parseSecondary(): Node {
    const t = cur;
    let node: Node;
    switch (t.kind) {
      case "Identifier":
        next();
        if (t.value === "true" || t.value === "false") return { k: "bool", at: t.from, value: t.value === "true" };
        if (t.value === "nil") return { k: "nil", at: t.from };
        node = is(cur, "Bracket", "(") ? parseCall(t, []) : { k: "ident", at: t.from, name: t.value };
        break;
      case "Number":
        next();
        return parseNumber(t);
      case "String":
        next();
        node = { k: "string", at: t.from, value: t.value };
        break;
      default:
        if (is(t, "Bracket", "[")) node = parseArray(t);
        else if (is(t, "Bracket", "{")) node = parseMap(t);
        else return fail(t, `unexpected token ${tokenString(t)}`);
    }
    return parsePostfix(node);
  }

  function parseNumber(t: Token): Node {
    const v = t.value.replace(/_/g, "");
    const lower = v.toLowerCase();
    const int = (digits: string, radix: string, kind: string): Node => {
      let n: bigint;
      try {
        n = BigInt(radix + digits);
      } catch {
        return fail(t, `invalid ${kind} literal: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
      }
      if (n > MAX_INT)
        fail(t, `invalid ${kind} literal: strconv.ParseInt: parsing ${JSON.stringify(v)}: value out of range`);
      return { k: "int", at: t.from, value: n };
    };
    if (lower.startsWith("0x")) return int(v.slice(2), "0x", "hex");
    if (/[.e]/.test(lower)) {
      const f = Number(v);
      if (Number.isNaN(f))
        fail(t, `invalid float literal: strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
      if (!Number.isFinite(f))
        fail(t, `invalid float literal: strconv.ParseFloat: parsing ${JSON.stringify(v)}: value out of range`);
      return { k: "float", at: t.from, value: f };
    }
    if (lower.startsWith("0b")) return int(v.slice(2), "0b", "binary");
    if (lower.startsWith("0o")) return int(v.slice(2), "0o", "octal");
    return int(v, "", "integer");
  }

  function parseCall(t: Token, args: Node[]): Node {
    const shape = predicates[t.value];
    if (shape) {
      expect("Bracket", "(");
      const rest = shape.slice(args.length);
      for (let n = 0; n < rest.length; n++) {
        const a = rest[n] as string;
        if (a.endsWith("?")) {
          if (is(cur, "Bracket", ")")) break;
        } else if (is(cur, "Bracket", ")")) fail(cur, `expected at least ${rest.length} arguments`);
        if (n > 0) expect("Operator", ",");
        args.push(a.startsWith("p") ? parsePredicate() : parseExpression(0));
      }
      if (is(cur, "Operator", ",")) next();
      expect("Bracket", ")");
      return { k: "builtin", at: t.from, name: t.value, args };
    }
    return { k: "call", at: t.from, callee: { k: "ident", at: t.from, name: t.value }, args: parseArguments(args) };
  }

  function parseArguments(args: Node[]): Node[] {
    const offset = args.length;
    expect("Bracket", "(");
    while (!is(cur, "Bracket", ")")) {
      if (args.length > offset) expect("Operator", ",");
      if (is(cur, "Bracket", ")")) break;
      args.push(parseExpression(0));
    }
    expect("Bracket", ")");
    return args;
  }

  function parsePredicate(): Node {
    const start = cur;
    const braces = is(cur, "Bracket", "{");
    if (braces) next();
    depth++;
    let node: Node;
    if (braces) node = parseSequence();
    else {
      node = parseExpression(0);
      if (is(cur, "Operator", ";")) fail(cur, "wrap predicate with brackets { and }");
    }
    depth--;
    if (braces) expect("Bracket", "}");
    return { k: "predicate", at: start.from, node };
  }

  function parseArray(t: Token): Node {
    const nodes: Node[] = [];
    expect("Bracket", "[");
    while (!is(cur, "Bracket", "]")) {
      if (nodes.length > 0) {
        expect("Operator", ",");
        if (is(cur, "Bracket", "]")) break;
      }
      nodes.push(parseExpression(0));
    }
    expect("Bracket", "]");
    return { k: "array", at: t.from, nodes };
  }

  function parseMap(t: Token): Node {
    expect("Bracket", "{");
    const pairs: [Node, Node][] = [];
    while (!is(cur, "Bracket", "}")) {
      if (pairs.length > 0) {
        expect("Operator", ",");
        if (is(cur, "Bracket", "}")) break;
        if (is(cur, "Operator", ",")) fail(cur, `unexpected token ${tokenString(cur)}`);
      }
      let key: Node;
      if (cur.kind === "Number" || cur.kind === "String" || cur.kind === "Identifier") {
        key = { k: "string", at: cur.from, value: cur.value };
        next();
      } else if (is(cur, "Bracket", "(")) key = parseExpression(0);
      else
        return fail(
          cur,
          `a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${tokenString(cur)})`,
        );
      expect("Operator", ":");
      pairs.push([key, parseExpression(0)]);
    }
    expect("Bracket", "}");
    return { k: "map", at: t.from, pairs };
  }

  function parsePostfix(node: Node): Node {
    let t = cur;
    while (t.kind === "Operator" || t.kind === "Bracket") {
      const optional = t.value === "?.";
      if (t.value === "." || t.value === "?.") {
        next();
        const prop = cur;
        if (optional && is(prop, "Bracket", "[")) {
          t = prop;
        } else {
          next();
          if (prop.kind !== "Identifier" && (prop.kind !== "Operator" || !isValidIdentifier(prop.value)))
            fail(prop, "expected name");
          const isChain = node.k === "chain";
          const base = node.k === "chain" ? node.node : node;
          let member: Node = {
            k: "member",
            at: prop.from,
            node: base,
            property: { k: "string", at: prop.from, value: prop.value },
            optional,
          };
          if (is(cur, "Bracket", "(")) member = { k: "call", at: prop.from, callee: member, args: parseArguments([]) };
          node = isChain || optional ? { k: "chain", at: prop.from, node: member } : member;
          t = cur;
          continue;
        }
      }
      if (t.value === "[") {
        next();
        if (is(cur, "Operator", ":")) {
          next();
          const to = is(cur, "Bracket", "]") ? undefined : parseExpression(0);
          node = to ? { k: "slice", at: t.from, node, to } : { k: "slice", at: t.from, node };
          expect("Bracket", "]");
        } else {
          const from = parseExpression(0);
          if (is(cur, "Operator", ":")) {
            next();
            const to = is(cur, "Bracket", "]") ? undefined : parseExpression(0);
            node = to ? { k: "slice", at: t.from, node, from, to } : { k: "slice", at: t.from, node, from };
            expect("Bracket", "]");
          } else {
            node = { k: "member", at: t.from, node, property: from, optional };
            if (optional) node = { k: "chain", at: t.from, node };
            expect("Bracket", "]");
          }
        }
        t = cur;
        continue;
      }
      break;
    }
    return node;
  }
}

function isValidIdentifier(s: string): boolean {
  const chars = Array.from(s);
  return chars.length > 0 && /[\p{L}_$]/u.test(chars[0] as string) && chars.every((c) => isAlphaNumeric(c));
}
