/**
 * `-p key=value` parsing for `wfc submit`.
 */
import { InvalidArgumentError } from "commander";

/**
 * Commander collector for repeatable `-p key=value`.
 *
 * @example
 * ```ts
 * cmd.option("-p, --parameter <key=value>", "set a parameter", collectParameter, {});
 * ```
 */
export function collectParameter(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf("=");
  if (eq <= 0) throw new InvalidArgumentError(`"${value}" is not key=value`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}
