import { isRef, isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbClassicAcmCertificate = defineRule({
  id: 'elb-classic-acm-certificate',
  title: 'Classic load balancer listeners use ACM certificates',
  severity: 'medium',
  rationale:
    'ACM certificates renew automatically and their private keys never leave AWS; uploaded IAM server certificates ' +
    'expire silently and their keys are handled by people. A listener without a certificate carries no TLS at all.',
  remediation: {
    cloudformation:
      'Set each listener SSLCertificateId to an ACM certificate ARN (!Ref Certificate of AWS::CertificateManager::Certificate).',
    terraform: 'Set ssl_certificate_id of each aws_elb listener to aws_acm_certificate.this.arn.',
    console: 'EC2 → Load balancers → the classic ELB → Listeners → Edit → choose a certificate from ACM.',
  },
  controls: ['encryption-in-transit', 'key-management'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ELBACMCertificateRequired'],
    awsConfig: ['elb-acm-certificate-required'],
  },
  check(lb) {
    if (lb.facts.variant !== 'classic') return skip;
    const listeners = lb.facts.listeners;
    if (isUnknown(listeners)) return cannotVerify(`listeners are ${listeners.$unknown}`);
    const bad: string[] = [];
    for (const listener of listeners) {
      if (isUnknown(listener.certificates)) return cannotVerify(`${listener.name}: certificate unknown`);
      const certificate = listener.certificates[0];
      if (certificate === undefined) bad.push(`${listener.name} has no certificate`);
      else if (isUnknown(certificate))
        return cannotVerify(`${listener.name}: certificate ${certificate.$unknown}`);
      else if (isRef(certificate))
        continue; // a certificate declared in the template: AWS::CertificateManager::Certificate
      else if (!/^arn:[^:]+:acm:/.test(certificate))
        bad.push(`${listener.name} uses a non-ACM certificate ${certificate}`);
    }
    return bad.length > 0 ? fail(bad.join('; ')) : pass;
  },
});
