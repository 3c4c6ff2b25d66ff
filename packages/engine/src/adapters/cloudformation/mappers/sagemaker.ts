import type { EndpointConfigFacts, NotebookFacts } from '../../../model/kinds/sagemaker.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

function enabled(value: unknown): Val<boolean> {
  const text = str(value, 'Enabled');
  return isUnknown(text) ? text : text === 'Enabled';
}

const notebook = cfnMapping('Notebook', (view): NotebookFacts => {
  const p = view.properties;
  return {
    kmsKey: refOrString(p.KmsKeyId),
    directInternetAccess: enabled(p.DirectInternetAccess),
    rootAccess: enabled(p.RootAccess),
    inVpc: isUnknown(p.SubnetId) ? p.SubnetId : p.SubnetId !== undefined && p.SubnetId !== null,
  };
});

const endpointConfig = cfnMapping(
  'EndpointConfig',
  (view): EndpointConfigFacts => ({ kmsKey: refOrString(view.properties.KmsKeyId) }),
);

export const sagemakerCfnMappers: CfnMapperTable = {
  'AWS::SageMaker::NotebookInstance': notebook,
  'AWS::SageMaker::EndpointConfig': endpointConfig,
};
