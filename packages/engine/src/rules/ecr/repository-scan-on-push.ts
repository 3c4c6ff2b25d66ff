import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ecrRepositoryScanOnPush = defineRule({
  id: 'ecr-repository-scan-on-push',
  title: 'ECR repositories scan images for vulnerabilities when they are pushed',
  severity: 'medium',
  rationale:
    'Images that run the services handling ePHI carry their operating system and language packages; scanning ' +
    'each image as it is pushed (or continuously, with enhanced scanning) finds known vulnerabilities before ' +
    'they are deployed, as the risk-management and malicious-software safeguards expect.',
  remediation: {
    cloudformation:
      'Set ImageScanningConfiguration: { ScanOnPush: true } on AWS::ECR::Repository, or declare an ' +
      'AWS::ECR::RegistryScanningConfiguration with a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose filter matches it.',
    terraform:
      'Add image_scanning_configuration { scan_on_push = true } to aws_ecr_repository, or an ' +
      'aws_ecr_registry_scanning_configuration rule (scan_frequency SCAN_ON_PUSH or CONTINUOUS_SCAN) matching it.',
    console:
      'ECR → Private registry → Settings → Scanning → add a scan-on-push (or continuous) filter for the repository.',
  },
  controls: ['vulnerability-management'],
  kinds: ['ContainerRepository'],
  // checkov: CKV_AWS_163.
  equivalents: { awsConfig: ['ecr-private-image-scanning-enabled'] },
  check(repository) {
    const { scanOnPush, registryScanning } = repository.facts;
    const setting = repository.source.format === 'cloudformation' ? 'ScanOnPush' : 'scan_on_push';
    const frequency = registryScanning?.frequency;
    if (frequency === 'SCAN_ON_PUSH' || frequency === 'CONTINUOUS_SCAN') return pass;
    // Under enhanced scanning a repository no filter matches is not scanned at all, whatever its own setting.
    if (frequency === 'MANUAL' && registryScanning?.scanType === 'ENHANCED')
      return fail(
        `registry scanning configuration ${registryScanning.declaredBy} (ENHANCED) has no rule whose filter ` +
          'matches the repository: its images are not scanned',
      );
    if (isUnknown(scanOnPush)) return cannotVerify(`${setting} is ${scanOnPush.$unknown}`);
    if (scanOnPush) return pass;
    if (isUnknown(frequency))
      return cannotVerify(`whether a registry scanning rule matches the repository: ${frequency.$unknown}`);
    return fail(
      registryScanning
        ? `${setting} is off and no scanning rule of ${registryScanning.declaredBy} matches the repository`
        : `${setting} is off and no registry scanning configuration is declared beside the repository`,
    );
  },
});
