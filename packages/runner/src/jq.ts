/**
 * jq for the runner: resource templates' `jqFilter` outputs and Argo Events' jq transforms (gojq
 * in Argo and Argo Events; jq compiled to WebAssembly, `jq-wasm`, here), loaded on first use so
 * that a run without jq never loads the WebAssembly module.
 */

type JqModule = { raw(input: object, filter: string, flags?: string[]): Promise<string> };
let jq: Promise<JqModule> | undefined;

/**
 * Every output of `filter` over `input` (a JSON object or array), in order, as decoded JSON values (jq's compact output,
 * one value per line). Rejects with jq's own error when the filter does not compile or fails.
 *
 * @internal
 * @example
 * ```ts
 * await jqOutputs({ items: [{ n: 1 }, { n: 2 }] }, ".items[].n") // [1, 2]
 * ```
 */
export async function jqOutputs(input: object, filter: string): Promise<unknown[]> {
  jq ??= import("jq-wasm") as Promise<JqModule>;
  const text = await (await jq).raw(input, filter, ["-c"]);
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
}
