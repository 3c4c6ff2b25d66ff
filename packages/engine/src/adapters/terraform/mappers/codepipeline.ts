import type { PipelineArtifactStore, PipelineFacts } from '../../../model/kinds/codepipeline.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { pipelineActions, TERRAFORM_PIPELINE } from '../../codepipeline-actions.js';
import { at, list, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { referenceTo, unlessComputed } from './kms.js';
import { declaredBlock } from './vpc.js';

/** `aws_codepipeline`: every `artifact_store` block (several for cross-region actions) and every stage's actions. */
const pipeline = tfMapping('Pipeline', (view, context): PipelineFacts => {
  const v = view.values;
  const blocks = list(v.artifact_store);
  const artifactStores: Val<readonly PipelineArtifactStore[]> = isUnknown(blocks)
    ? blocks
    : blocks.map((store) => {
        const region = str(unlessComputed(at(store, 'region')), undefined);
        return {
          region: region === '' ? undefined : region,
          encryptionKey: referenceTo(
            at(declaredBlock(at(store, 'encryption_key')), 'id'),
            context,
            ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'],
            'arn',
          ),
        };
      });
  return {
    name: str(unlessComputed(v.name), undefined),
    artifactStores,
    actions: pipelineActions(v, TERRAFORM_PIPELINE),
  };
});

export const codepipelineTfMappers: TfMapperTable = { aws_codepipeline: pipeline };
