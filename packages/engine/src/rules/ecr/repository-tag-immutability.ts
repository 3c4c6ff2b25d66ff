import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ecrRepositoryTagImmutability = defineRule({
  id: 'ecr-repository-tag-immutability',
  title: 'ECR repositories make image tags immutable',
  severity: 'low',
  rationale:
    'With mutable tags anyone allowed to push can replace the image behind a tag that production already ' +
    'deploys (v1.4.2, prod); immutable tags make every deployed tag name exactly the image that was built, ' +
    'scanned and approved.',
  remediation: {
    cloudformation:
      'Set ImageTagMutability: IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION with ImageTagMutabilityExclusionFilters for ' +
      'a moving tag such as latest) on AWS::ECR::Repository.',
    terraform: 'Set image_tag_mutability = "IMMUTABLE" on aws_ecr_repository.',
    console: 'ECR → the repository → Edit → Tag immutability: Immutable.',
  },
  controls: ['configuration-management'],
  kinds: ['ContainerRepository'],
  // checkov: CKV_AWS_51.
  equivalents: { awsConfig: ['ecr-private-tag-immutability-enabled'] },
  check(repository) {
    const mutability = repository.facts.tagMutability;
    const setting =
      repository.source.format === 'cloudformation' ? 'ImageTagMutability' : 'image_tag_mutability';
    if (isUnknown(mutability)) return cannotVerify(`${setting} is ${mutability.$unknown}`);
    if (mutability === 'IMMUTABLE' || mutability === 'IMMUTABLE_WITH_EXCLUSION') return pass;
    return fail(
      mutability === 'MUTABLE_WITH_EXCLUSION'
        ? 'tags are mutable except those matching the exclusion filters (MUTABLE_WITH_EXCLUSION)'
        : `${setting} is ${mutability}: a push can replace the image behind a deployed tag`,
    );
  },
});
