import { environmentFromList, LOWER_CASE_ENTRY } from '../../environment.js';
import { at, refOrString, str } from '../../read.js';
import { block, type TfMapperTable, tfMapping } from '../mapper.js';
import { declared, declaredBlock } from './vpc.js';

const project = tfMapping('BuildProject', (view) => {
  const v = view.values;
  const source = block(v.source);
  const key = refOrString(declared(v.encryption_key));
  return {
    // PARAMETER_STORE and SECRETS_MANAGER values are names of secrets resolved at build time; `type` defaults
    // to PLAINTEXT.
    environment: environmentFromList(
      at(declaredBlock(v.environment), 'environment_variable'),
      LOWER_CASE_ENTRY,
      (entry) => {
        const type = at(entry, 'type');
        return type === 'PARAMETER_STORE' || type === 'SECRETS_MANAGER';
      },
    ),
    sourceType: str(at(source, 'type'), ''),
    sourceLocation: (() => {
      const location = str(declared(at(source, 'location')), undefined);
      return location === '' ? undefined : location;
    })(),
    // Computed when unset (AWS then uses the aws/s3 managed key): `undefined`, as CloudFormation's absent EncryptionKey.
    encryptionKey: key === '' ? undefined : key,
  };
});

export const codebuildTfMappers: TfMapperTable = { aws_codebuild_project: project };
