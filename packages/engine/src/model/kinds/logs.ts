import type { ResourceRef, Val } from '../values.js';

/** Values CloudWatch Logs accepts for `RetentionInDays` (anything else is rejected at deploy). */
export const LOG_RETENTION_VALUES: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export interface LogGroupFacts {
  readonly name: Val<string> | undefined;
  /** Days events are kept; `'never-expire'` when no retention is set (CloudWatch keeps events indefinitely). */
  readonly retentionInDays: Val<number | 'never-expire'>;
  /** Customer managed key; `undefined`: CloudWatch Logs service-owned encryption. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** `STANDARD` or `INFREQUENT_ACCESS`. @default STANDARD */
  readonly logGroupClass: Val<string>;
}

export interface MetricTransformation {
  readonly metricName: Val<string>;
  readonly metricNamespace: Val<string>;
}

export interface MetricFilterFacts {
  /** The log group, by reference or by name. */
  readonly logGroup: Val<ResourceRef | string>;
  readonly filterPattern: Val<string>;
  readonly metrics: Val<readonly MetricTransformation[]>;
}

export interface AlarmMetric {
  readonly metricName: Val<string>;
  readonly namespace: Val<string>;
}

export interface AlarmFacts {
  readonly name: Val<string> | undefined;
  /** Metrics the alarm watches: `MetricName`/`Namespace`, or each `MetricStat` of a metric-math alarm. */
  readonly metrics: readonly AlarmMetric[];
  /** @default true */
  readonly actionsEnabled: Val<boolean>;
  readonly alarmActions: Val<readonly Val<ResourceRef | string>[]>;
  readonly okActions: Val<readonly Val<ResourceRef | string>[]>;
  readonly insufficientDataActions: Val<readonly Val<ResourceRef | string>[]>;
}

/** The log group name inside a log group ARN (`arn:aws:logs:r:a:log-group:NAME:*`). */
export function logGroupNameOfArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(arn);
  return match?.[1];
}

declare module '../resource.js' {
  interface KindFacts {
    LogGroup: LogGroupFacts;
    MetricFilter: MetricFilterFacts;
    Alarm: AlarmFacts;
  }
}
