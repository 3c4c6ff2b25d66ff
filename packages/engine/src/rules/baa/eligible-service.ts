import type { Resource } from '../../model/resource.js';
import { defineRule, fail, pass, type RuleContext, skip } from '../rule.js';
import { hipaaEligibility } from './eligibility.js';

/** R-ENG-4: inside the PHI boundary only services covered by the AWS BAA (164.308(b)(1), 164.314(a)). */
export const baaEligibleService = defineRule({
  id: 'baa-eligible-service',
  title: 'Only HIPAA-eligible AWS services inside the PHI boundary',
  severity: 'critical',
  rationale:
    'The AWS Business Associate Addendum covers only the services on the HIPAA Eligible Services Reference; ' +
    'ePHI stored in or processed by any other service is a disclosure without a business associate agreement.',
  remediation: {
    cloudformation:
      'Move the workload to a HIPAA-eligible service, or keep PHI out of it: remove the DataClassification=PHI ' +
      'tag and every reference to PHI resources from this resource.',
    terraform:
      'Replace the resource with a HIPAA-eligible service, or remove its references to PHI resources and the ' +
      'DataClassification = "PHI" tag.',
    console:
      'Check the service on the AWS HIPAA Eligible Services Reference; if it is not listed, migrate the data ' +
      'to an eligible service and delete it from this one.',
  },
  controls: ['baa-covered-services'],
  kinds: ['*'],
  check(resource: Resource, context: RuleContext) {
    if (!context.boundary.has(resource.id)) return skip;
    const eligibility = hipaaEligibility();
    const verdict = eligibility.classify(resource.service);
    if (verdict.status !== 'not-eligible') return pass;
    return fail(
      `${resource.source.nativeType} (service "${resource.service}") is inside the PHI boundary ` +
        `(${context.boundary.reason(resource.id)}) but is not on the AWS HIPAA Eligible Services Reference ` +
        `(as of ${eligibility.asOf})`,
    );
  },
});
