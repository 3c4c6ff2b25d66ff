import { environmentFromList, PASCAL_CASE_ENTRY } from '../../environment.js';
import { at, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const project = cfnMapping('BuildProject', (view) => {
  const p = view.properties;
  return {
    // PARAMETER_STORE and SECRETS_MANAGER values are names of secrets resolved at build time.
    environment: environmentFromList(
      at(p, 'Environment.EnvironmentVariables'),
      PASCAL_CASE_ENTRY,
      (entry) => {
        const type = at(entry, 'Type');
        return type === 'PARAMETER_STORE' || type === 'SECRETS_MANAGER';
      },
    ),
    sourceType: str(at(p, 'Source.Type'), ''),
    sourceLocation: str(at(p, 'Source.Location'), undefined),
    encryptionKey: refOrString(p.EncryptionKey),
  };
});

export const codebuildCfnMappers: CfnMapperTable = { 'AWS::CodeBuild::Project': project };
