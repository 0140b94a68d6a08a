import { DependencyGraph } from "../core/dependencies.js";
import type { Diagnostic, SourceLocation } from "../core/errors.js";
import type { TaskModel, TemplateModel, WorkflowModel } from "../core/model.js";

/** Where the placeholders in a value are being resolved. */
export interface Ctx {
  readonly wf: WorkflowModel;
  readonly template: TemplateModel | undefined;
  readonly task: TaskModel | undefined;
  /** Tasks referenced (for dependency inference), in order of appearance. */
  readonly refs: TaskModel[];
}

/** Where a problem is: a template and task of the workflow. */
export interface Where {
  readonly task?: string;
  readonly template?: string;
}

/** The state of compiling one workflow: problems found, templates collected and lowered, the dependency graph. */
export class Compilation {
  readonly problems: Diagnostic[] = [];
  readonly wfLabel: string;
  /** Emitted templates by name, with the model they came from. */
  readonly byName = new Map<string, { model: TemplateModel; lowered: Record<string, unknown> }>();
  readonly order: TemplateModel[] = [];
  readonly seen = new Set<TemplateModel>();
  /** Dependencies of every lowered DAG task (for cycle checks and transitive reduction). */
  readonly graph = new DependencyGraph<TaskModel>((t) => t.name);

  constructor(readonly wf: WorkflowModel) {
    this.wfLabel = `${wf.kind}/${String(wf.metadata.name ?? wf.metadata.generateName)}`;
  }

  /** Records a problem (every problem is collected; the compile fails at the end). */
  report(
    code: string,
    message: string,
    where: { template?: string; task?: string; location?: SourceLocation | undefined } = {},
  ): void {
    this.problems.push({
      code,
      message,
      workflow: this.wfLabel,
      ...where,
      location: where.location ?? this.wf.location,
    });
  }
}
