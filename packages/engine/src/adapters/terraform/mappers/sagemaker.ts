import type { EndpointConfigFacts, NotebookFacts } from '../../../model/kinds/sagemaker.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';

/** `"Enabled"` / `"Disabled"` switches of SageMaker; absent means AWS's default, Enabled. */
function enabled(value: unknown): Val<boolean> {
  const text = str(value, 'Enabled');
  return isUnknown(text) ? text : text === 'Enabled';
}

const notebook = tfMapping('Notebook', (view): NotebookFacts => {
  const v = view.values;
  return {
    kmsKey: refOrString(v.kms_key_id),
    directInternetAccess: enabled(v.direct_internet_access),
    rootAccess: enabled(v.root_access),
    inVpc: isUnknown(v.subnet_id)
      ? v.subnet_id
      : v.subnet_id !== undefined && v.subnet_id !== null && v.subnet_id !== '',
  };
});

const endpointConfig = tfMapping(
  'EndpointConfig',
  (view): EndpointConfigFacts => ({ kmsKey: refOrString(view.values.kms_key_arn) }),
);

export const sagemakerTfMappers: TfMapperTable = {
  aws_sagemaker_notebook_instance: notebook,
  aws_sagemaker_endpoint_configuration: endpointConfig,
};
