/** The syntax tree of an expr-lang expression (mirrors expr-lang's `ast` package). */

/**
 * A node of an expression's tree: `k` is its kind, `at` the offset of its token.
 *
 * @example
 * ```ts
 * const n = parseExpr("a.b"); // { k: "member", node: { k: "ident", name: "a" }, property: { k: "string", value: "b" }, ... }
 * ```
 */
export type Node =
  | { readonly k: "nil"; readonly at: number }
  | { readonly k: "bool"; readonly at: number; readonly value: boolean }
  | { readonly k: "int"; readonly at: number; readonly value: bigint }
  | { readonly k: "float"; readonly at: number; readonly value: number }
  | { readonly k: "string"; readonly at: number; readonly value: string }
  | { readonly k: "ident"; readonly at: number; readonly name: string }
  | { readonly k: "pointer"; readonly at: number; readonly name: string }
  | { readonly k: "unary"; readonly at: number; readonly op: string; readonly node: Node }
  | { readonly k: "binary"; readonly at: number; readonly op: string; readonly left: Node; readonly right: Node }
  | {
      readonly k: "member";
      readonly at: number;
      readonly node: Node;
      readonly property: Node;
      readonly optional: boolean;
    }
  | { readonly k: "slice"; readonly at: number; readonly node: Node; readonly from?: Node; readonly to?: Node }
  | { readonly k: "call"; readonly at: number; readonly callee: Node; readonly args: readonly Node[] }
  | { readonly k: "builtin"; readonly at: number; readonly name: string; readonly args: readonly Node[] }
  | { readonly k: "predicate"; readonly at: number; readonly node: Node }
  | { readonly k: "chain"; readonly at: number; readonly node: Node }
  | { readonly k: "cond"; readonly at: number; readonly cond: Node; readonly a: Node; readonly b: Node }
  | { readonly k: "array"; readonly at: number; readonly nodes: readonly Node[] }
  | { readonly k: "map"; readonly at: number; readonly pairs: readonly (readonly [Node, Node])[] }
  | { readonly k: "let"; readonly at: number; readonly name: string; readonly value: Node; readonly body: Node }
  | { readonly k: "seq"; readonly at: number; readonly nodes: readonly Node[] };

/** Calls `visit` on every node, children first (as expr-lang's `ast.Walk`). */
export function walk(node: Node, visit: (n: Node) => void): void {
  switch (node.k) {
    case "unary":
    case "predicate":
    case "chain":
      walk(node.node, visit);
      break;
    case "binary":
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case "member":
      walk(node.node, visit);
      walk(node.property, visit);
      break;
    case "slice":
      walk(node.node, visit);
      if (node.from) walk(node.from, visit);
      if (node.to) walk(node.to, visit);
      break;
    case "call":
      walk(node.callee, visit);
      for (const a of node.args) walk(a, visit);
      break;
    case "builtin":
    case "array":
    case "seq":
      for (const a of node.k === "builtin" ? node.args : node.nodes) walk(a, visit);
      break;
    case "cond":
      walk(node.cond, visit);
      walk(node.a, visit);
      walk(node.b, visit);
      break;
    case "map":
      for (const [a, b] of node.pairs) {
        walk(a, visit);
        walk(b, visit);
      }
      break;
    case "let":
      walk(node.value, visit);
      walk(node.body, visit);
      break;
  }
  visit(node);
}
