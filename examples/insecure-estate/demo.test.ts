import { describe, expect, it } from 'vitest';
import { find, scanJson } from '../scan-json.js';

const INSECURE = 'examples/insecure-estate/cloudformation/insecure';
const HARDENED = 'examples/insecure-estate/cloudformation/hardened';

/** Deliberate gaps of the insecure estate (see README.md) that a rule exists for: rule → resources. */
const EXPECTED: readonly [rule: string, resource: string][] = [
  // network.yaml
  ['ec2-security-group-no-public-ssh-rdp', 'BastionSecurityGroup'],
  ['vpc-flow-logs-enabled', 'Vpc'],
  ['vpc-default-security-group-closed', 'Vpc'],
  ['vpc-no-unrestricted-route-to-igw', 'PublicRouteTable'],
  ['vpc-subnet-no-auto-public-ip', 'PublicSubnetA'],
  ['ec2-imdsv2-required', 'BastionHost'],
  ['ec2-instance-no-public-ip', 'BastionHost'],
  // keys.yaml
  ['kms-key-rotation', 'PlatformKey'],
  ['kms-key-deletion-window', 'PlatformKey'],
  ['kms-key-policy-separates-duties', 'PlatformKey'],
  // data.json
  ['ec2-security-group-no-public-database-ports', 'DatabaseSecurityGroup'],
  ['s3-bucket-sse-kms', 'ClinicalNotesBucket'],
  ['s3-bucket-sse-kms', 'BillingExportsBucket'],
  ['secretsmanager-no-plaintext-value', 'BillingSftpCredentials'],
  ['secretsmanager-rotation', 'PatientDbAppSecret'],
  ['secretsmanager-cmk', 'PatientDbAppSecret'],
  // app.yaml
  ['elb-listener-tls-policy', 'PortalLoadBalancer'],
  ['elb-http-listener-redirects-to-https', 'PortalLoadBalancer'],
  ['ec2-security-group-public-ingress-only-lb-https', 'AlbSecurityGroup'],
  ['wafv2-web-acl-managed-rule-groups', 'PortalWebAcl'],
  ['wafv2-web-acl-rate-limit', 'PortalWebAcl'],
  ['wafv2-web-acl-auth-rate-limit', 'PortalWebAcl'],
  ['ecs-task-definition-no-plaintext-secrets', 'PortalTaskDefinition'],
  ['ecs-service-execute-command-disabled-phi', 'PortalService'],
  ['ecs-service-no-public-ip', 'PortalService'],
  ['logs-log-group-retention', 'PortalLogGroup'],
  ['logs-log-group-encrypted', 'PortalLogGroup'],
  ['baa-eligible-service', 'PortalFeatureFlags'],
  // serverless.yaml
  ['lambda-function-runtime-deprecated', 'SchedulingFunction'],
  ['lambda-function-runtime-deprecated', 'LabResultsIngestFunction'],
  ['lambda-function-no-plaintext-secrets', 'LabResultsIngestFunction'],
  ['lambda-function-inside-vpc', 'LabResultsIngestFunction'],
  ['lambda-function-dlq', 'LabResultsIngestFunction'],
  ['lambda-function-concurrency', 'LabResultsIngestFunction'],
  ['lambda-function-public-access-prohibited', 'LabResultsIngestFunction'],
  ['lambda-function-unique-role', 'SchedulingFunction'],
  ['iam-policy-no-kms-decrypt-all-keys', 'LambdaExecutionRole'],
  ['sqs-queue-encryption', 'LabResultsQueue'],
  ['sqs-dlq-retention', 'BillingExportDeadLetterQueue'],
  ['sns-topic-kms', 'AppointmentRemindersTopic'],
  ['apigw-stage-access-logging', 'SchedulingApi'],
  ['apigw-waf-associated', 'SchedulingApi'],
  ['apigw-stage-cache-encrypted', 'SchedulingApi'],
  // intake-sam.yaml (AWS SAM: Globals, generated roles, function URL, implicit stages)
  ['lambda-function-runtime-deprecated', 'SubmitIntakeFunction'],
  ['lambda-function-runtime-deprecated', 'IntakePdfFunction'],
  ['lambda-function-no-plaintext-secrets', 'SubmitIntakeFunction'],
  ['lambda-function-no-plaintext-secrets', 'IntakePdfFunction'],
  ['lambda-function-public-access-prohibited', 'IntakePdfFunction'],
  ['iam-no-administrator-access', 'IntakePdfFunctionRole'],
  ['apigw-stage-access-logging', 'IntakeApi'],
  ['apigw-stage-execution-logging', 'IntakeApi'],
  ['dynamodb-table-cmk', 'IntakeFormsTable'],
  ['dynamodb-table-pitr', 'IntakeFormsTable'],
  // audit.yaml
  ['s3-bucket-sse-kms', 'AuditLogBucket'],
  ['cloudtrail-multi-region', 'PlatformTrail'],
  ['cloudtrail-log-file-validation', 'PlatformTrail'],
  ['cloudtrail-encryption', 'PlatformTrail'],
  ['cloudtrail-cloudwatch-logs', 'PlatformTrail'],
  ['cloudtrail-s3-data-events', 'PlatformTrail'],
  ['logs-log-group-retention', 'ApplicationLogGroup'],
  ['guardduty-detector-enabled', 'ThreatDetector'],
  ['securityhub-standards', 'SecurityHub'],
  ['config-recorder-all-resources', 'ConfigRecorder'],
  ['config-hipaa-conformance-pack', 'ConfigRecorder'],
  // identity.yaml
  ['iam-policy-no-admin-access', 'OpsFullAccessPolicy'],
  ['iam-no-administrator-access', 'Administrators'],
  ['iam-user-access-key', 'CiDeployUserKey'],
  ['iam-role-trust-restricted', 'HelpDeskRole'],
];

/** HIPAA citations a reviewer would expect on a few findings (through the catalog). */
const CITATIONS: readonly [rule: string, resource: string, citation: string][] = [
  ['s3-bucket-sse-kms', 'ClinicalNotesBucket', '164.312(a)(2)(iv)'],
  ['elb-http-listener-redirects-to-https', 'PortalLoadBalancer', '164.312(e)(1)'],
  ['cloudtrail-multi-region', 'PlatformTrail', '164.312(b)'],
  ['baa-eligible-service', 'PortalFeatureFlags', '164.308(b)(1)'],
];

describe('Northwind Clinic demo estate', () => {
  it('the insecure estate fails the gate with every deliberate gap found on the right resource', async () => {
    const { code, report } = await scanJson(INSECURE);
    expect(report.errors).toEqual([]);
    expect(code).toBe(1);
    const missing = EXPECTED.filter(([rule, resource]) => !find(report, rule, resource)?.ruleId).map(
      ([rule, resource]) => `${rule} on ${resource}`,
    );
    expect(missing).toEqual([]);
    expect(EXPECTED.every(([rule, resource]) => find(report, rule, resource)?.suppressed === false)).toBe(
      true,
    );
    for (const [rule, resource, citation] of CITATIONS) {
      const finding = find(report, rule, resource);
      const hipaa = (finding?.controls ?? []).flatMap((control) => control.citations.hipaa ?? []);
      expect(hipaa, `${rule} on ${resource}`).toContain(citation);
    }
  });

  it('the hardened twin passes the gate: no high or critical finding and no input error', async () => {
    const { code, report } = await scanJson(HARDENED);
    expect(report.errors).toEqual([]);
    const active = report.findings.filter((f) => !f.suppressed);
    expect(active.filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([]);
    expect(code).toBe(0);
    // What stays is deliberate: each suppression carries the reason a reviewer accepted.
    for (const finding of report.findings.filter((f) => f.suppressed)) {
      expect(
        finding.suppression?.reason.length ?? 0,
        `${finding.ruleId} on ${finding.resource.id}`,
      ).toBeGreaterThan(40);
    }
  });
});
