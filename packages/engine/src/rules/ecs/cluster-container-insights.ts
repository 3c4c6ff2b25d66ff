import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ecsClusterContainerInsights = defineRule({
  id: 'ecs-cluster-container-insights',
  title: 'ECS clusters have Container Insights enabled',
  severity: 'low',
  rationale:
    'Container Insights gives per-task metrics and events needed to detect abnormal behaviour of workloads that process ePHI.',
  remediation: {
    cloudformation: 'Set ClusterSettings: [{ Name: containerInsights, Value: enabled }] (or enhanced).',
    terraform: 'Add setting { name = "containerInsights", value = "enabled" } to aws_ecs_cluster.',
    console: 'ECS → the cluster → Update cluster → Monitoring → Container Insights: on.',
  },
  controls: ['security-monitoring'],
  kinds: ['EcsCluster'],
  equivalents: { awsConfig: ['ecs-container-insights-enabled'] },
  check(cluster) {
    const insights = cluster.facts.containerInsights;
    if (isUnknown(insights)) return cannotVerify(`containerInsights is ${insights.$unknown}`);
    return insights === 'enabled' || insights === 'enhanced'
      ? pass
      : fail(`containerInsights is ${insights}`);
  },
});
