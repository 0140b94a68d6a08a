/** Task and workflow fields passed on as they are, with `onExit` and hook templates as template values. */

import { conv, type Scope } from "./placeholders.js";
import type { TemplateInfo } from "./plan.js";
import { type Code, obj, raw } from "./printer.js";
import { isObj, type Obj } from "./values.js";

/** Task or workflow fields, with `onExit` and hook templates as template values where they are local. */
export function extraCode(
  o: Obj,
  scope: Scope | undefined,
  byName: Map<string, TemplateInfo>,
  identOf: (t: TemplateInfo) => string = (t) => t.ident,
): [string, Code][] {
  const tmpl = (n: unknown): Code | undefined => {
    if (typeof n !== "string") return undefined;
    const t = byName.get(n);
    return t ? raw(identOf(t)) : undefined;
  };
  return Object.entries(o).map(([k, v]) => {
    if (k === "onExit") return [k, tmpl(v) ?? conv(v, scope)] as [string, Code];
    if (k === "hooks" && isObj(v)) {
      return [
        k,
        obj(
          Object.entries(v).map(
            ([ev, h]) =>
              [
                ev,
                isObj(h)
                  ? obj(
                      Object.entries(h).map(
                        ([hk, hv]) => [hk, (hk === "template" && tmpl(hv)) || conv(hv, scope)] as const,
                      ),
                    )
                  : conv(h, scope),
              ] as const,
          ),
        ),
      ] as [string, Code];
    }
    return [k, conv(v, scope)] as [string, Code];
  });
}
