import { HipaaEnvironment, type HipaaProfile } from '@safeguard/cdk';
import { App, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { HIPAASecurityChecks } from 'cdk-nag';

/** Fixed, fake identifiers: synth needs no credentials, no network and no lookups. */
export const REFERENCE_ACCOUNT = '123456789012';
export const REFERENCE_REGION = 'us-east-1';
export const REFERENCE_DR_REGION = 'us-west-2';
/** Placeholder: replace with the ARN of your ACM certificate. */
export const REFERENCE_CERTIFICATE_ARN = `arn:aws:acm:${REFERENCE_REGION}:${REFERENCE_ACCOUNT}:certificate/00000000-0000-4000-8000-000000000000`;

/** Options of {@link buildReferenceApp}. */
export interface ReferenceAppOptions {
  /** Where the cloud assembly goes. @default - a temporary directory */
  readonly outdir?: string;
  /** Register cdk-nag's HIPAA pack as a synth-time validation (synth fails on an unacknowledged finding). */
  readonly nag?: boolean;
  /** @default 'prod' (the reference); 'dev' builds the same app with the development profile's overrides */
  readonly profile?: HipaaProfile;
}

/** The clinic API environment (prod profile unless asked), built only from @safeguard/cdk constructs. */
export function buildReferenceApp(options: ReferenceAppOptions = {}): {
  app: App;
  environment: HipaaEnvironment;
} {
  const app = new App({ outdir: options.outdir });
  const profile = options.profile ?? 'prod';
  const environment = new HipaaEnvironment(app, 'ClinicApi', {
    profile,
    environmentName: `clinic-${profile}`,
    env: { account: REFERENCE_ACCOUNT, region: REFERENCE_REGION },
    drRegion: REFERENCE_DR_REGION,
    certificateArn: REFERENCE_CERTIFICATE_ARN,
    service: {
      // A registry image: no Docker build at synth. The clinic API serves HTTPS on 8443 inside the task.
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      containerPort: 8443,
      healthCheckPath: '/health',
      environment: { NODE_ENV: 'production', LOG_LEVEL: 'info' },
    },
    worker: {
      // Inline code: nothing to bundle.
      code: lambda.Code.fromInline(
        'exports.handler = async (event) => ({ processed: Array.isArray(event?.Records) ? event.Records.length : 0 });',
      ),
    },
    github: { repository: 'example-clinic/clinic-api', branch: 'main' },
    alarmEmails: ['security@example.com'],
  });
  if (options.nag) {
    Validations.of(app).addPlugins(new HIPAASecurityChecks(app, { writeSuppressionsToCloudFormation: true }));
  }
  return { app, environment };
}
