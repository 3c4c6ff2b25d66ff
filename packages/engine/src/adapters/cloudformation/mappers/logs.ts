import type { AlarmFacts, AlarmMetric, LogGroupFacts, MetricFilterFacts } from '../../../model/kinds/logs.js';
import { isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const logGroup = cfnMapping('LogGroup', (view): LogGroupFacts => {
  const p = view.properties;
  return {
    name: str(p.LogGroupName, undefined),
    // No RetentionInDays: CloudWatch Logs keeps events indefinitely.
    retentionInDays: num(p.RetentionInDays, undefined) ?? 'never-expire',
    kmsKey: refOrString(p.KmsKeyId),
    logGroupClass: str(p.LogGroupClass, 'STANDARD'),
  };
});

const metricFilter = cfnMapping('MetricFilter', (view): MetricFilterFacts => {
  const p = view.properties;
  const transformations = list(p.MetricTransformations);
  return {
    logGroup: refOrString(p.LogGroupName) ?? unknown('LogGroupName not set'),
    filterPattern: str(p.FilterPattern, ''),
    metrics: isUnknown(transformations)
      ? transformations
      : transformations.map((t) => ({
          metricName: str(at(t, 'MetricName'), ''),
          metricNamespace: str(at(t, 'MetricNamespace'), ''),
        })),
  };
});

function actionList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty action'));
}

const alarm = cfnMapping('Alarm', (view): AlarmFacts => {
  const p = view.properties;
  const metrics: AlarmMetric[] = [];
  if (p.MetricName !== undefined) {
    metrics.push({ metricName: str(p.MetricName, ''), namespace: str(p.Namespace, '') });
  }
  const queries = list(p.Metrics);
  if (!isUnknown(queries)) {
    for (const query of queries) {
      const metric = at(query, 'MetricStat.Metric');
      if (metric === undefined) continue;
      metrics.push({
        metricName: str(at(metric, 'MetricName'), ''),
        namespace: str(at(metric, 'Namespace'), ''),
      });
    }
  }
  return {
    name: str(p.AlarmName, undefined),
    metrics,
    actionsEnabled: bool(p.ActionsEnabled, true),
    alarmActions: actionList(p.AlarmActions),
    okActions: actionList(p.OKActions),
    insufficientDataActions: actionList(p.InsufficientDataActions),
  };
});

export const logsCfnMappers: CfnMapperTable = {
  'AWS::Logs::LogGroup': logGroup,
  'AWS::Logs::MetricFilter': metricFilter,
  'AWS::CloudWatch::Alarm': alarm,
};
