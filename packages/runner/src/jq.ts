/**
 * jq for the runner (jq compiled to WebAssembly, `jq-wasm`; Argo and Argo Events use gojq), loaded
 * on first use: resource templates' `jqFilter` outputs and Argo Events' jq transforms.
 */
type JqModule = { raw(input: unknown, filter: string, flags?: string[]): Promise<string> };
let jq: Promise<JqModule> | undefined;

/** Runs `filter` over `input` with jq's compact output (`-c`): one JSON value per line. */
export async function jqCompact(input: unknown, filter: string): Promise<string> {
  jq ??= import("jq-wasm") as Promise<JqModule>;
  return (await jq).raw(input, filter, ["-c"]);
}
