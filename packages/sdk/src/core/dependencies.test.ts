import { describe, expect, it } from "vitest";
import { DependencyGraph } from "./dependencies.js";
import { parseDepends } from "./depends.js";

function chain(g: DependencyGraph<string>, ...names: string[]): void {
  names.forEach((n, i) => {
    g.place(n, i);
    g.set(n, i ? [names[i - 1]!] : []);
  });
}

describe("DependencyGraph", () => {
  it("drops an inferred dependency another dependency implies", () => {
    const g = new DependencyGraph<string>((t) => t);
    chain(g, "a", "b");
    g.place("c", 2);
    expect(g.plan("c", { after: [], refs: ["a", "b", "a"] })).toEqual({ depends: "b", deps: ["b"] });
  });

  it("keeps explicit dependencies as given and writes `dependencies` lists in that style", () => {
    const g = new DependencyGraph<string>((t) => t);
    chain(g, "a", "b");
    g.place("c", 2);
    expect(g.plan("c", { after: ["a"], refs: ["b"] }, "dependencies")).toEqual({
      dependencies: ["a", "b"],
      deps: ["a", "b"],
    });
  });

  it("joins a depends expression with the inferred tasks, parenthesised", () => {
    const g = new DependencyGraph<string>((t) => t);
    chain(g, "a");
    g.place("b", 1);
    g.set("b", []);
    g.place("c", 2);
    expect(g.plan("c", { after: [], depends: parseDepends("a.Failed || b"), refs: [] }).depends).toBe("a.Failed || b");
    g.place("d", 3);
    g.set("d", []);
    expect(g.plan("c", { after: [], depends: parseDepends("a.Failed || b"), refs: ["d"] }).depends).toBe(
      "(a.Failed || b) && d",
    );
  });

  it("plan does not record; set does", () => {
    const g = new DependencyGraph<string>((t) => t);
    chain(g, "a");
    const p = g.plan("b", { after: [], refs: ["a"] });
    expect(g.dependenciesOf("b")).toEqual([]);
    g.set("b", p.deps);
    expect(g.dependenciesOf("b")).toEqual(["a"]);
    g.clear();
    expect(g.dependenciesOf("b")).toEqual([]);
  });

  it("finds a cycle", () => {
    const g = new DependencyGraph<string>((t) => t);
    g.set("a", ["c"]);
    g.set("b", ["a"]);
    g.set("c", ["b"]);
    expect(g.findCycle(["a", "b", "c"])).toEqual(["a", "c", "b", "a"]);
    const h = new DependencyGraph<string>((t) => t);
    chain(h, "a", "b", "c");
    expect(h.findCycle(["a", "b", "c"])).toBeUndefined();
  });
});
