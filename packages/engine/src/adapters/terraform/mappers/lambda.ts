import type { FunctionFacts, FunctionPermissionFacts } from '../../../model/kinds/lambda.js';
import { isRef, isUnknown } from '../../../model/values.js';
import { environmentFromMap } from '../../environment.js';
import { at, num, refOrString, str } from '../../read.js';
import { type TfMapperTable, type TfResourceView, tfFolded, tfMapping } from '../mapper.js';
import { countOf, declared, declaredBlock } from './vpc.js';

const present = (value: unknown) => {
  const v = declared(value);
  return v !== undefined && v !== '';
};

function permissionOf(view: TfResourceView): FunctionPermissionFacts {
  const v = view.values;
  return {
    name: view.address,
    principal: str(v.principal, ''),
    sourceArn: present(v.source_arn),
    sourceAccount: present(v.source_account),
    principalOrgId: present(v.principal_org_id),
    functionUrlAuthType: str(declared(v.function_url_auth_type), undefined),
  };
}

interface LogGroupIndex {
  readonly byName: Map<string, TfResourceView>;
  readonly byRef: Map<string, TfResourceView>;
}

const lambdaFunction = tfMapping('Function', (view, context): FunctionFacts => {
  const v = view.values;
  const name = str(v.function_name, undefined);
  const vpcConfig = declaredBlock(v.vpc_config);
  const permissions = [
    ...context.referrers('aws_lambda_permission', 'function_name').map(permissionOf),
    ...context.referrers('aws_lambda_function_url', 'function_name').map(
      (url): FunctionPermissionFacts => ({
        name: url.address,
        principal: '*',
        sourceArn: false,
        sourceAccount: false,
        principalOrgId: false,
        functionUrlAuthType: str(url.values.authorization_type, ''),
      }),
    ),
  ];
  // `/aws/lambda/<function name>`: a literal name, or `"/aws/lambda/${aws_lambda_function.x.function_name}"`
  // (unknown in HCL, referencing the function). Indexed once per input, not scanned per function.
  const logGroups = context.memo('lambda/log-groups', (): LogGroupIndex => {
    const byName = new Map<string, TfResourceView>();
    const byRef = new Map<string, TfResourceView>();
    for (const group of context.ofType('aws_cloudwatch_log_group')) {
      const groupName = group.values.name;
      if (typeof groupName === 'string') byName.set(groupName, group);
      else if (isUnknown(groupName)) for (const ref of groupName.refs ?? []) byRef.set(ref, group);
      else if (isRef(groupName)) byRef.set(groupName.$ref, group);
    }
    return { byName, byRef };
  });
  const logGroup =
    (typeof name === 'string' ? logGroups.byName.get(`/aws/lambda/${name}`) : undefined) ??
    logGroups.byRef.get(view.modelId);
  const packageType = str(declared(v.package_type), 'Zip');
  // -1 is the provider's "unreserved" (its default).
  const reserved = num(declared(v.reserved_concurrent_executions), -1);
  const environment = declaredBlock(v.environment);
  return {
    name,
    runtime: str(declared(v.runtime), undefined),
    packageType: isUnknown(packageType) ? packageType : packageType === 'Image' ? 'Image' : 'Zip',
    role: refOrString(v.role),
    reservedConcurrency: reserved === -1 ? undefined : reserved,
    deadLetterTarget: refOrString(declared(at(declaredBlock(v.dead_letter_config), 'target_arn'))),
    vpc: isUnknown(vpcConfig)
      ? vpcConfig
      : vpcConfig === undefined
        ? undefined
        : {
            subnetCount: countOf(declared(at(vpcConfig, 'subnet_ids'))),
            securityGroupCount: countOf(declared(at(vpcConfig, 'security_group_ids'))),
          },
    environmentKey: (() => {
      const key = refOrString(declared(v.kms_key_arn));
      return key === '' ? undefined : key;
    })(),
    environment: environment === undefined ? [] : environmentFromMap(declared(at(environment, 'variables'))),
    permissions,
    logGroup: logGroup?.modelId,
  };
});

export const lambdaTfMappers: TfMapperTable = {
  aws_lambda_function: lambdaFunction,
  aws_lambda_permission: tfFolded('function_name'),
  aws_lambda_function_url: tfFolded('function_name'),
};
