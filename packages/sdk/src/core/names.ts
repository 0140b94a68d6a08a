/**
 * Name rules of Kubernetes and Argo (object names, template/task/step names, parameter names),
 * with the messages the compiler and the validator use. The one home of these rules.
 *
 * @internal
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Argo's rule for template, task and step names (Argo allows upper case letters here). */
const ARGO_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
/** Argo's rule for parameter and artifact names. */
const PARAM_NAME = /^[a-zA-Z0-9_][-a-zA-Z0-9_]*$/;

/**
 * Why `name` is not a valid `metadata.name` (a DNS-1123 subdomain), or undefined when it is.
 *
 * @internal
 * @example
 * ```ts
 * checkObjectName("My_Flow") // '"My_Flow" is not a DNS-1123 name: ...'
 * ```
 */
export function checkObjectName(name: string): string | undefined {
  if (name.length > 253) return `"${name}" is longer than 253 characters`;
  if (!isDns1123Subdomain(name))
    return `"${name}" is not a DNS-1123 name: use lower case letters, digits, '-' and '.', starting and ending with a letter or digit`;
  return undefined;
}

/** Why `prefix` is not a valid `metadata.generateName`, or undefined when it is. */
export function checkGenerateName(prefix: string): string | undefined {
  const base = prefix.endsWith("-") ? prefix.slice(0, -1) : prefix;
  if (!base) return `generateName "${prefix}" is empty`;
  const why = checkObjectName(base);
  return why ? `generateName ${why}` : undefined;
}

/**
 * Why `name` is not a valid template, task or step name, or undefined when it is.
 *
 * @internal
 * @example
 * ```ts
 * checkTemplateName("fetch-data") // undefined: valid
 * ```
 */
export function checkTemplateName(name: string): string | undefined {
  if (name.length > 128) return `"${name}" is longer than 128 characters`;
  if (!ARGO_NAME.test(name))
    return `"${name}" is not a valid name: use letters, digits and '-', starting with a letter or digit (DNS-1123 style, e.g. "fetch-data")`;
  return undefined;
}

/** Why `name` is not a valid parameter or artifact name, or undefined when it is. */
export function checkParamName(name: string): string | undefined {
  if (!PARAM_NAME.test(name)) return `"${name}" is not a valid parameter name: use letters, digits, '-' and '_'`;
  return undefined;
}

/**
 * Whether `s` is a DNS-1123 subdomain (what Kubernetes requires of most object names): lower-case
 * alphanumerics, `-` and `.`, starting and ending alphanumeric, at most 253 characters.
 *
 * @example
 * ```ts
 * isDns1123Subdomain("hello-world.v1"); // true
 * isDns1123Subdomain("Hello");          // false
 * ```
 */
export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

/** Whether `s` is a DNS-1123 label (a namespace, a label-sized name): lower case, at most 63 characters. */
export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

/**
 * Turns an identifier such as `plusOne` or `load_rows` into a DNS-1123 label (`plus-one`,
 * `load-rows`). Deterministic; used for names derived from function names.
 *
 * @example
 * ```ts
 * toDnsName("fetchHTTPData") // "fetch-http-data"
 * ```
 */
export function toDnsName(identifier: string): string {
  const s = identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return (s || "task").slice(0, 63).replace(/-+$/, "");
}
