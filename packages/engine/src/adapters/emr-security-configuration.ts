import type { EmrClusterFacts } from '../model/kinds/emr.js';
import { isUnknown, unknown } from '../model/values.js';
import { at, bool } from './read.js';

/**
 * The encryption an EMR security configuration turns on. The document is AWS's own JSON (a string or an
 * object) whichever input declares it, so CloudFormation and Terraform read it the same way.
 */
export function emrEncryptionOf(document: unknown): EmrClusterFacts['securityConfiguration'] {
  let parsed = document;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return unknown('security configuration is not valid JSON');
    }
  }
  if (isUnknown(parsed)) return parsed;
  return {
    atRestEncryption: bool(at(parsed, 'EncryptionConfiguration.EnableAtRestEncryption'), false),
    inTransitEncryption: bool(at(parsed, 'EncryptionConfiguration.EnableInTransitEncryption'), false),
  };
}
