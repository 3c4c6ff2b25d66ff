import type { FunctionFacts, FunctionPermissionFacts } from '../../../model/kinds/lambda.js';
import { isUnknown } from '../../../model/values.js';
import { environmentFromMap, withDeployTimeSecrets } from '../../environment.js';
import { at, list, num, refOrString, str } from '../../read.js';
import { type CfnMapperTable, type CfnResourceView, cfnMapping, folded } from '../mapper.js';

function permissionOf(view: CfnResourceView): FunctionPermissionFacts {
  const p = view.properties;
  return {
    name: view.logicalId,
    principal: str(p.Principal, ''),
    sourceArn: p.SourceArn !== undefined,
    sourceAccount: p.SourceAccount !== undefined,
    principalOrgId: p.PrincipalOrgID !== undefined,
    functionUrlAuthType: str(p.FunctionUrlAuthType, undefined),
  };
}

const lambdaFunction = cfnMapping('Function', (view, context): FunctionFacts => {
  const p = view.properties;
  const name = str(p.FunctionName, undefined);
  const vpcConfig = at(p, 'VpcConfig');
  const subnets = list(at(vpcConfig, 'SubnetIds'));
  const groups = list(at(vpcConfig, 'SecurityGroupIds'));
  const permissions = [
    ...context.referrers('AWS::Lambda::Permission', 'FunctionName').map(permissionOf),
    ...context.referrers('AWS::Lambda::Url', 'TargetFunctionArn').map(
      (url): FunctionPermissionFacts => ({
        name: url.logicalId,
        principal: '*',
        sourceArn: false,
        sourceAccount: false,
        principalOrgId: false,
        functionUrlAuthType: str(url.properties.AuthType, ''),
      }),
    ),
  ];
  // `/aws/lambda/<function name>`: a literal name, or `!Sub /aws/lambda/${Fn}` (unknown, referencing the function).
  const logGroups = context.memo('lambda/log-groups', () => {
    const byName = new Map<string, CfnResourceView>();
    const byRef = new Map<string, CfnResourceView>();
    for (const group of context.ofType('AWS::Logs::LogGroup')) {
      const groupName = group.properties.LogGroupName;
      if (typeof groupName === 'string') byName.set(groupName, group);
      else if (isUnknown(groupName)) for (const ref of groupName.refs ?? []) byRef.set(ref, group);
    }
    return { byName, byRef };
  });
  const logGroup =
    (typeof name === 'string' ? logGroups.byName.get(`/aws/lambda/${name}`) : undefined) ??
    logGroups.byRef.get(view.modelId);
  const packageType = str(p.PackageType, 'Zip');
  return {
    name,
    runtime: str(p.Runtime, undefined),
    packageType: isUnknown(packageType) ? packageType : packageType === 'Image' ? 'Image' : 'Zip',
    role: refOrString(p.Role),
    reservedConcurrency: num(p.ReservedConcurrentExecutions, undefined),
    deadLetterTarget: refOrString(at(p, 'DeadLetterConfig.TargetArn')),
    vpc: isUnknown(vpcConfig)
      ? vpcConfig
      : vpcConfig === undefined
        ? undefined
        : {
            subnetCount: isUnknown(subnets) ? subnets : subnets.length,
            securityGroupCount: isUnknown(groups) ? groups : groups.length,
          },
    environmentKey: refOrString(p.KmsKeyArn),
    environment: withDeployTimeSecrets(environmentFromMap(at(p, 'Environment.Variables'))),
    permissions,
    logGroup: logGroup?.modelId,
  };
});

export const lambdaCfnMappers: CfnMapperTable = {
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Lambda::Permission': folded('FunctionName'),
  'AWS::Lambda::Url': folded('TargetFunctionArn'),
};
