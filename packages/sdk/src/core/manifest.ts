/** The manifest shape every layer passes around: a plain Argo (or Kubernetes) object. */
/**
 * An Argo manifest as a plain object, keys in emission order.
 *
 * @example
 * ```ts
 * const m: Manifest = compile(wf); console.log(m.kind, m.metadata.name);
 * ```
 */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
} & Record<string, unknown>;
