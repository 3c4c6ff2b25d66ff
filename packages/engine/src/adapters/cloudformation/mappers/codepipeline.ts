import type { PipelineArtifactStore, PipelineFacts } from '../../../model/kinds/codepipeline.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { CFN_PIPELINE, pipelineActions } from '../../codepipeline-actions.js';
import { at, list, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

function storeOf(store: unknown, region: unknown): PipelineArtifactStore {
  return { region: str(region, undefined), encryptionKey: refOrString(at(store, 'EncryptionKey.Id')) };
}

/** `ArtifactStore` (one region) or `ArtifactStores` (`[{Region, ArtifactStore}]`, cross-region actions). */
function artifactStores(p: Readonly<Record<string, unknown>>): Val<readonly PipelineArtifactStore[]> {
  const stores: PipelineArtifactStore[] = [];
  if (p.ArtifactStore !== undefined && p.ArtifactStore !== null) {
    if (isUnknown(p.ArtifactStore)) return p.ArtifactStore;
    stores.push(storeOf(p.ArtifactStore, undefined));
  }
  const regional = list(p.ArtifactStores);
  if (isUnknown(regional)) return regional;
  for (const entry of regional) stores.push(storeOf(at(entry, 'ArtifactStore'), at(entry, 'Region')));
  return stores;
}

const pipeline = cfnMapping(
  'Pipeline',
  (view): PipelineFacts => ({
    name: str(view.properties.Name, undefined),
    artifactStores: artifactStores(view.properties),
    actions: pipelineActions(view.properties, CFN_PIPELINE),
  }),
);

export const codepipelineCfnMappers: CfnMapperTable = { 'AWS::CodePipeline::Pipeline': pipeline };
