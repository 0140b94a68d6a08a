// A spec returned by a function is checked exactly: a misspelt field is a compile error, as it is
// in a spec written directly (TypeScript itself checks excess properties only in the latter).
// TypeScript reports the error at the function, naming the field: `Types of property 'comand' are
// incompatible ... TypeError<"\"comand\" is not a field here (misspelt?)">`.
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { ExactSpec } from "./exact-spec.js";
import { container, resource, script, suspend } from "./factories.js";
import type { TypeError as SpecError, Template } from "./types.js";

describe("spec functions", () => {
  it("a misspelt top-level field of the returned object does not compile", () => {
    container(
      { name: "a", inputs: { table: z.string() } },
      // @ts-expect-error "comand" is not a field of a container
      ({ table }) => ({ image: "alpine", comand: ["echo", table] }),
    );
    container(
      { name: "b", inputs: { table: z.string() } },
      // @ts-expect-error a block body's return is checked too
      ({ table }) => {
        return { image: "alpine", comand: ["echo", table] };
      },
    );
    // @ts-expect-error the direct form was already checked by TypeScript
    container({ name: "c" }, { image: "alpine", comand: ["echo"] });
  });

  it("misspelt nested fields (objects in arrays, nested objects) do not compile", () => {
    container(
      { name: "d", inputs: { v: z.string() } },
      // @ts-expect-error "valu" is not a field of an env var
      ({ v }) => ({ image: "alpine", env: [{ name: "V", valu: v }] }),
    );
    container(
      { name: "e" },
      // @ts-expect-error "limit" is not a field of resources
      () => ({ image: "alpine", resources: { limit: { cpu: "1" } } }),
    );
  });

  it("other factories check their spec functions too", () => {
    script(
      { name: "s", inputs: { n: z.number() } },
      // @ts-expect-error "sorce" is not a field of a script
      ({ n }) => ({ image: "node", sorce: `echo ${n}` }),
    );
    // @ts-expect-error "actoin" is not a field of a resource template
    resource({ name: "r" }, () => ({ action: "create", actoin: "x" }));
    suspend(
      { name: "w", inputs: { d: z.string() } },
      // @ts-expect-error "durration" is not a field of a suspend template
      ({ d }) => ({ durration: d }),
    );
  });

  it("correct spec functions compile, with refs anywhere a string goes, and keep their template type", () => {
    const t = container({ name: "ok", inputs: { table: z.string(), n: z.number() } }, ({ table, n }) => ({
      image: `alpine:${table}`,
      command: ["echo", table],
      args: [n],
      env: [{ name: "T", value: table }],
      resources: { limits: { cpu: "1" } },
      workingDir: table,
    }));
    expectTypeOf(t).toEqualTypeOf<Template<{ table: string; n: number }, {}, string>>();
    const cond = (big: boolean) =>
      container({ name: "c2" }, () => ({ image: "a", ...(big ? { resources: { limits: { cpu: "4" } } } : {}) }));
    expectTypeOf(cond).returns.toEqualTypeOf<Template<{}, {}, string>>();
  });

  it("ExactSpec names the unknown field in its TypeError", () => {
    type E = ExactSpec<{ comand: string[] }, { command?: string[] }>;
    expectTypeOf<E["comand"]>().toEqualTypeOf<SpecError<'"comand" is not a field here (misspelt?)'>>();
  });
});
