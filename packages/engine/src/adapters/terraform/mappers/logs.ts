import type { AlarmFacts, AlarmMetric, LogGroupFacts, MetricFilterFacts } from '../../../model/kinds/logs.js';
import { isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { referenceTo, unlessComputed } from './kms.js';

/** `aws_cloudwatch_log_group`: `retention_in_days` 0 or absent means events never expire. */
const logGroup = tfMapping('LogGroup', (view, context): LogGroupFacts => {
  const v = view.values;
  const retention = num(v.retention_in_days, 0);
  return {
    name: str(unlessComputed(v.name), undefined),
    retentionInDays: retention === 0 ? 'never-expire' : retention,
    kmsKey: referenceTo(v.kms_key_id, context, ['aws_kms_key', 'aws_kms_replica_key'], 'arn'),
    logGroupClass: str(unlessComputed(v.log_group_class), 'STANDARD'),
  };
});

/** `aws_cloudwatch_log_metric_filter`: one `metric_transformation` block. */
const metricFilter = tfMapping('MetricFilter', (view): MetricFilterFacts => {
  const v = view.values;
  const transformations = list(v.metric_transformation);
  return {
    logGroup: refOrString(v.log_group_name) ?? unknown('log_group_name not set'),
    filterPattern: str(v.pattern, ''),
    metrics: isUnknown(transformations)
      ? transformations
      : transformations.map((t) => ({
          metricName: str(at(t, 'name'), ''),
          metricNamespace: str(at(t, 'namespace'), ''),
        })),
  };
});

function actionList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty action'));
}

/** `aws_cloudwatch_metric_alarm`: a single metric, or the `metric` of each `metric_query` block. */
const alarm = tfMapping('Alarm', (view): AlarmFacts => {
  const v = view.values;
  const metrics: AlarmMetric[] = [];
  if (v.metric_name !== undefined && v.metric_name !== null) {
    metrics.push({ metricName: str(v.metric_name, ''), namespace: str(v.namespace, '') });
  }
  const queries = list(v.metric_query);
  if (!isUnknown(queries)) {
    for (const query of queries) {
      const metric = list(at(query, 'metric'));
      if (isUnknown(metric)) continue;
      for (const m of metric) {
        metrics.push({ metricName: str(at(m, 'metric_name'), ''), namespace: str(at(m, 'namespace'), '') });
      }
    }
  }
  return {
    name: str(v.alarm_name, undefined),
    metrics,
    actionsEnabled: bool(v.actions_enabled, true),
    alarmActions: actionList(v.alarm_actions),
    okActions: actionList(v.ok_actions),
    insufficientDataActions: actionList(v.insufficient_data_actions),
  };
});

export const logsTfMappers: TfMapperTable = {
  aws_cloudwatch_log_group: logGroup,
  aws_cloudwatch_log_metric_filter: metricFilter,
  aws_cloudwatch_metric_alarm: alarm,
};
