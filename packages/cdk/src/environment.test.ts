import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { HipaaEnvironment } from './environment.js';
import { listNagAcknowledgements, NAG_ACKNOWLEDGEMENTS } from './nag-acknowledgements.js';
import { OVERRIDE_ACKNOWLEDGEMENT_PREFIX } from './override.js';
import { checkTemplate } from './testing/template-checks.js';

/** The dev profile: cheaper, each deviation an explicit override (the prod profile is proven by the reference app). */
describe('HipaaEnvironment (dev profile)', () => {
  let app: App;
  let environment: HipaaEnvironment;
  let primary: Template;

  beforeAll(() => {
    app = new App();
    environment = new HipaaEnvironment(app, 'Dev', {
      profile: 'dev',
      environmentName: 'clinic-dev',
      env: { account: '123456789012', region: 'eu-west-1' },
      drRegion: 'eu-central-1',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-4000-8000-000000000000',
      service: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') },
    });
    app.synth();
    primary = Template.fromStack(environment.stack);
  });

  it('is cheaper: one NAT gateway, single-AZ database, one task', () => {
    primary.resourceCountIs('AWS::EC2::NatGateway', 1);
    primary.hasResourceProperties('AWS::RDS::DBInstance', { MultiAZ: false, DeletionProtection: false });
    primary.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 1, EnableExecuteCommand: false });
  });

  it('records every deviation with its reason in the template metadata', () => {
    const overrides = primary.toJSON().Metadata?.SafeguardHipaaOverrides as {
      requirement: string;
      reason: string;
    }[];
    expect(overrides.map((o) => o.requirement)).toEqual(
      expect.arrayContaining([
        'a Multi-AZ database',
        'deletion protection on the database',
        'deletion protection on PHI tables',
        'load balancer deletion protection',
      ]),
    );
    for (const o of overrides) expect(o.reason).toMatch(/synthetic data only/);
  });

  it('keeps what HIPAA requires even in dev: encryption, log retention, backups', () => {
    primary.allResourcesProperties('AWS::KMS::Key', { EnableKeyRotation: true, PendingWindowInDays: 30 });
    primary.hasResourceProperties('AWS::RDS::DBInstance', {
      BackupRetentionPeriod: 35,
      StorageEncrypted: true,
    });
    for (const stack of [environment.stack, environment.recoveryStack]) {
      expect(checkTemplate(Template.fromStack(stack).toJSON())).toEqual([]);
    }
  });

  it('passes cdk-nag HIPAA with only the central acknowledgements', () => {
    const report = new HIPAASecurityChecks().validateScope(app);
    expect(
      report.violations.map(
        (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
    const acknowledgements = listNagAcknowledgements(app);
    const known = new Set(Object.values(NAG_ACKNOWLEDGEMENTS).map((a) => a.reason));
    const unexplained = acknowledgements.filter(
      (a) => !known.has(a.reason) && !a.reason.startsWith(OVERRIDE_ACKNOWLEDGEMENT_PREFIX),
    );
    expect(unexplained).toEqual([]);
    console.log(`cdk-nag HIPAA (dev profile): 0 findings, ${acknowledgements.length} acknowledgements`);
  });
});
