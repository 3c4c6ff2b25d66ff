import { isRef, isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbV2AcmCertificate = defineRule({
  id: 'elb-v2-acm-certificate',
  title: 'HTTPS and TLS listeners of ALB/NLB use ACM certificates',
  severity: 'medium',
  rationale:
    'ACM certificates renew automatically and their keys never leave AWS; an expired or hand-managed certificate ' +
    'leads to outages or to clients trained to click through TLS warnings.',
  remediation: {
    cloudformation:
      'Set Certificates: [{ CertificateArn: !Ref Certificate }] (an AWS::CertificateManager::Certificate) on the listener.',
    terraform: 'Set certificate_arn = aws_acm_certificate.this.arn on aws_lb_listener.',
    console: 'EC2 → Load balancers → Listeners → the HTTPS listener → Edit → default certificate from ACM.',
  },
  controls: ['encryption-in-transit', 'key-management'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ELBv2ACMCertificateRequired'],
    awsConfig: ['elbv2-acm-certificate-required'],
  },
  check(lb) {
    // cdk-nag also flags certificate-less HTTP listeners; those are judged by elb-http-listener-redirects-to-https.
    if (isUnknown(lb.facts.variant))
      return cannotVerify(`load balancer type is ${lb.facts.variant.$unknown}`);
    if (lb.facts.variant === 'classic' || lb.facts.variant === 'gateway') return skip;
    const listeners = lb.facts.listeners;
    if (isUnknown(listeners)) return cannotVerify(`listeners are ${listeners.$unknown}`);
    const bad: string[] = [];
    for (const listener of listeners) {
      if (listener.protocol !== 'HTTPS' && listener.protocol !== 'TLS') continue;
      const certificates = listener.certificates;
      if (isUnknown(certificates))
        return cannotVerify(`${listener.name}: certificates ${certificates.$unknown}`);
      if (certificates.length === 0) bad.push(`${listener.name} has no certificate`);
      for (const certificate of certificates) {
        if (isUnknown(certificate) || isRef(certificate)) continue;
        if (!/^arn:[^:]+:acm:/.test(certificate))
          bad.push(`${listener.name} uses a non-ACM certificate ${certificate}`);
      }
    }
    return bad.length > 0 ? fail(bad.join('; ')) : pass;
  },
});
