/**
 * A Go panic or a Go function's error inside the VM: expr-lang reports it as a run-time error of
 * the expression (the compiler's guards turn it into an `EvalFailure` at its position).
 */
export class GoPanic extends Error {}

/** Throws a {@link GoPanic} with expr-lang's message. */
export function panic(msg: string): never {
  throw new GoPanic(msg);
}
