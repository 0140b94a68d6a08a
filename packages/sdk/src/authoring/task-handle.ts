/** The task handle a call returns: outputs as references, status fields as depends expressions. */
import { BRAND, hasBrand } from "../core/brand.js";
import type { TaskStatus } from "../core/depends.js";
import type { TaskDepends, TaskModel } from "../core/model.js";
import { createRef, type Ref } from "../core/ref.js";
import { type Depends, type DependsLike, dependsOf } from "./depends.js";
import type { Task } from "./types.js";

const STATUSES = {
  succeeded: "Succeeded",
  failed: "Failed",
  errored: "Errored",
  skipped: "Skipped",
  omitted: "Omitted",
  daemoned: "Daemoned",
  anySucceeded: "AnySucceeded",
  allFailed: "AllFailed",
} as const;

/** The value a template call returns; getters live on the prototype so a call stays cheap. */
export class TaskHandle {
  readonly [BRAND.task]!: TaskModel;
  readonly [BRAND.expr]!: TaskDepends;
  #outputs: Record<string, Ref> | undefined;
  #result: Ref | undefined;
  constructor(task: TaskModel) {
    this[BRAND.task] = task;
    this[BRAND.expr] = { kind: "task", task };
  }
  get name(): string {
    return this[BRAND.task].name;
  }
  get outputs(): Record<string, Ref> {
    if (this.#outputs) return this.#outputs;
    const task = this[BRAND.task];
    const outputs: Record<string, Ref> = {};
    const ps = task.template.outputs.parameters;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      outputs[p.name] = createRef({ kind: "task-output", task, what: "parameters", name: p.name }, task.location);
    }
    const as = task.template.outputs.artifacts;
    for (let i = 0; i < as.length; i++) {
      const a = as[i]!;
      outputs[a.key ?? a.name] = createRef(
        { kind: "task-output", task, what: "artifacts", name: a.name },
        task.location,
      );
    }
    return (this.#outputs = Object.freeze(outputs));
  }
  attr(a: string): Ref<string> {
    return createRef<string>({ kind: "task-attr", task: this[BRAND.task], attr: a }, this[BRAND.task].location);
  }
  get result(): Ref {
    return (this.#result ??= this.attr("outputs.result"));
  }
  get exitCode(): Ref {
    return this.attr("exitCode");
  }
  get status(): Ref {
    return this.attr("status");
  }
  and(...others: DependsLike[]): Depends {
    return dependsOf(this[BRAND.expr]).and(...others);
  }
  or(...others: DependsLike[]): Depends {
    return dependsOf(this[BRAND.expr]).or(...others);
  }
  #status(status: TaskStatus): Depends {
    return dependsOf({ kind: "task", task: this[BRAND.task], status });
  }
  get succeeded(): Depends {
    return this.#status(STATUSES.succeeded);
  }
  get failed(): Depends {
    return this.#status(STATUSES.failed);
  }
  get errored(): Depends {
    return this.#status(STATUSES.errored);
  }
  get skipped(): Depends {
    return this.#status(STATUSES.skipped);
  }
  get omitted(): Depends {
    return this.#status(STATUSES.omitted);
  }
  get daemoned(): Depends {
    return this.#status(STATUSES.daemoned);
  }
  get anySucceeded(): Depends {
    return this.#status(STATUSES.anySucceeded);
  }
  get allFailed(): Depends {
    return this.#status(STATUSES.allFailed);
  }
}

/**
 * True when `value` is a task handle.
 *
 * @internal
 */
export function isTask(value: unknown): value is Task<unknown, unknown> {
  return hasBrand(value, BRAND.task);
}
