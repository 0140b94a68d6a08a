/**
 * Server `Warning` headers (dropped fields, deprecations), printed to stderr as kubectl prints them.
 */

/**
 * Prints one server warning: `Warning: <text>` on stderr.
 *
 * @example
 * ```ts
 * await client.create(manifest, { onWarning: printWarning });
 * ```
 */
export function printWarning(warning: string): void {
  process.stderr.write(`Warning: ${warning}\n`);
}
