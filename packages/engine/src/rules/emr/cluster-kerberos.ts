import { defineRule, fail, pass } from '../rule.js';

export const emrClusterKerberos = defineRule({
  id: 'emr-cluster-kerberos',
  title: 'EMR clusters use Kerberos authentication',
  severity: 'medium',
  rationale:
    'Kerberos authenticates users and services inside the cluster, so jobs reading ePHI are attributable to individuals (unique user identification).',
  remediation: {
    cloudformation:
      'Set KerberosAttributes { Realm, KdcAdminPassword: {{resolve:secretsmanager:…}} } and a security configuration with Kerberos authentication.',
    terraform:
      'Add kerberos_attributes { realm, kdc_admin_password } and a security_configuration with authentication on aws_emr_cluster.',
    console: 'EMR → Create cluster → Security configuration with Kerberos → Kerberos realm and KDC password.',
  },
  controls: ['unique-user-identification', 'strong-authentication'],
  kinds: ['EmrCluster'],
  equivalents: { cdkNag: ['HIPAA.Security-EMRKerberosEnabled'], awsConfig: ['emr-kerberos-enabled'] },
  check(cluster) {
    return cluster.facts.kerberos ? pass : fail('no KerberosAttributes');
  },
});
