import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ec2EbsBlockDeviceEncrypted = defineRule({
  id: 'ec2-ebs-block-device-encrypted',
  title: 'EBS block device mappings are encrypted (with a CMK inside the PHI boundary)',
  severity: 'high',
  rationale:
    'Volumes created from block device mappings hold application data and logs; unencrypted they expose ePHI through snapshots and disposal (R-INF-4). Inside the PHI boundary the key must be customer managed (R-INF-2).',
  remediation: {
    cloudformation:
      'Set BlockDeviceMappings[].Ebs.Encrypted: true and KmsKeyId: !Ref PhiKey (launch configurations support Encrypted only: use a launch template for a CMK).',
    terraform:
      'Set encrypted = true and kms_key_id = aws_kms_key.phi.arn in root_block_device / ebs_block_device.',
    console:
      'EC2 → Settings → EBS encryption → Always encrypt new EBS volumes with a customer managed key; relaunch with encrypted volumes.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Instance', 'LaunchTemplate', 'LaunchConfiguration'],
  equivalents: { awsConfig: ['encrypted-volumes', 'ec2-ebs-encryption-by-default'] },
  check(resource, { boundary }) {
    // Only declared mappings are judged: an AMI's own root volume encryption is not visible in the template.
    const devices = resource.facts.blockDevices;
    if (isUnknown(devices)) return cannotVerify(`block device mappings are ${devices.$unknown}`);
    const phi = boundary.has(resource.id);
    const bad: string[] = [];
    const unclear: string[] = [];
    for (const device of devices) {
      const name = isUnknown(device.deviceName) ? '?' : device.deviceName;
      if (isUnknown(device.encrypted)) unclear.push(`${name}: Encrypted ${device.encrypted.$unknown}`);
      else if (!device.encrypted) bad.push(`${name} is not encrypted`);
      else if (phi && device.kmsKey === undefined)
        bad.push(`${name} is encrypted with the AWS managed key, not a CMK (PHI boundary)`);
    }
    if (bad.length > 0) return fail(bad.join('; '));
    if (unclear.length > 0) return cannotVerify(unclear.join('; '));
    return pass;
  },
});
