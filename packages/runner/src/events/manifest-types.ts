/**
 * The fields of Argo Events manifests (Sensor, EventSource) that local event delivery reads, as
 * plain structural types: any Argo Events YAML fits them.
 */

/** A data filter (`filters.data[]`). */
export interface DataFilterSpec {
  readonly path: string;
  readonly type: string;
  readonly value?: readonly string[];
  readonly comparator?: string;
  readonly template?: string;
}

/** An expr filter (`filters.exprs[]`). */
export interface ExprFilterSpec {
  readonly expr: string;
  readonly fields?: readonly { readonly name: string; readonly path: string }[];
}

/** A dependency's `filters`. */
export interface FiltersSpec {
  readonly time?: { readonly start: string; readonly stop: string; readonly timezone?: string };
  readonly context?: {
    readonly type?: string;
    readonly subject?: string;
    readonly source?: string;
    readonly datacontenttype?: string;
  };
  readonly data?: readonly DataFilterSpec[];
  readonly exprs?: readonly ExprFilterSpec[];
  readonly dataLogicalOperator?: string;
  readonly exprLogicalOperator?: string;
  readonly script?: string;
}

/** A Sensor dependency. */
export interface DependencySpec {
  readonly name: string;
  readonly eventSourceName: string;
  readonly eventName: string;
  readonly filters?: FiltersSpec;
  readonly filtersLogicalOperator?: string;
  readonly transform?: { readonly jq?: string; readonly script?: string };
}

/** A trigger parameter's `src`. */
export interface ParameterSourceSpec {
  readonly dependencyName: string;
  readonly contextKey?: string;
  readonly contextTemplate?: string;
  readonly dataKey?: string;
  readonly dataTemplate?: string;
  readonly value?: string;
  readonly useRawData?: boolean;
}

/** A trigger parameter. */
export interface ParameterSpec {
  readonly src: ParameterSourceSpec;
  readonly dest: string;
  readonly operation?: string;
}

/** A trigger (the fields read here; the template's type-specific configuration is looked at by the trigger runner). */
export interface TriggerSpec {
  readonly template?: {
    readonly name: string;
    readonly conditions?: string;
    readonly conditionsReset?: readonly { readonly byTime?: { readonly cron: string; readonly timezone?: string } }[];
    readonly [type: string]: unknown;
  };
  readonly parameters?: readonly ParameterSpec[];
  readonly [field: string]: unknown;
}

/** A Sensor manifest. */
export interface SensorManifest {
  readonly kind: "Sensor";
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec: {
    readonly dependencies?: readonly DependencySpec[];
    readonly triggers?: readonly TriggerSpec[];
    readonly eventBusName?: string;
  };
}

/** An EventSource manifest: `spec.<type>` maps event names to their configuration. */
export interface EventSourceManifest {
  readonly kind: "EventSource";
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec: { readonly [field: string]: unknown };
}
