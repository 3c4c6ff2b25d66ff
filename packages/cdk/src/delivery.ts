import { Duration, Stack } from 'aws-cdk-lib';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** GitHub's OIDC issuer. */
export const GITHUB_OIDC_URL = 'https://token.actions.githubusercontent.com';

/** Props of {@link HipaaDeliveryRoles}. */
export interface HipaaDeliveryRolesProps {
  /** Environment name (`dev`, `prod`, ...): one pair of roles per environment (R-INF-10). */
  readonly environmentName: string;
  /** GitHub repository, `owner/name`. */
  readonly repository: string;
  /**
   * Branch allowed to deploy.
   * @default 'main'
   */
  readonly branch?: string;
  /**
   * GitHub deployment environment whose jobs may assume the roles (adds required reviewers on GitHub's side).
   * @default - the environment name
   */
  readonly githubEnvironment?: string;
  /**
   * ARN of an existing GitHub OIDC provider (there is one per account).
   * @default - one is created (AWS::IAM::OIDCProvider, no custom resource)
   */
  readonly oidcProviderArn?: string;
  /** Repositories the deploy role may push to. */
  readonly repositories: ecr.IRepository[];
  /** Services the deploy role may update. */
  readonly services: ecs.IBaseService[];
  /** Roles the new task definitions run as (the deploy role may pass only these, only to ECS tasks). */
  readonly taskRoles: iam.IRole[];
  /**
   * Qualifier of the CDK bootstrap roles the infrastructure role may assume.
   * @default 'hnb659fds'
   */
  readonly cdkBootstrapQualifier?: string;
}

/**
 * Split CI/CD roles for one environment (R-INF-10), trusted through GitHub OIDC for one repository and one
 * branch/environment: an infrastructure role that can only assume the CDK bootstrap roles (so changes go through
 * CloudFormation), and a deploy role limited to pushing images to named repositories and updating named services.
 */
export class HipaaDeliveryRoles extends Construct {
  readonly provider: iam.IOidcProvider;
  readonly infrastructureRole: iam.Role;
  readonly deployRole: iam.Role;

  constructor(scope: Construct, id: string, props: HipaaDeliveryRolesProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(props.repository)) {
      throw new Error(
        `${this.node.path}: repository "${props.repository}" must be "owner/name" without wildcards`,
      );
    }
    const stack = Stack.of(this);
    this.provider = props.oidcProviderArn
      ? iam.OidcProviderNative.fromOidcProviderArn(this, 'GitHubOidc', props.oidcProviderArn)
      : new iam.OidcProviderNative(this, 'GitHubOidc', {
          url: GITHUB_OIDC_URL,
          clientIds: ['sts.amazonaws.com'],
        });
    const branch = props.branch ?? 'main';
    const githubEnvironment = props.githubEnvironment ?? props.environmentName;
    const principal = new iam.WebIdentityPrincipal(this.provider.oidcProviderArn, {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: {
        'token.actions.githubusercontent.com:sub': [
          `repo:${props.repository}:ref:refs/heads/${branch}`,
          `repo:${props.repository}:environment:${githubEnvironment}`,
        ],
      },
    });

    this.infrastructureRole = new iam.Role(this, 'InfrastructureRole', {
      assumedBy: principal,
      description: `${props.environmentName}: CDK deployments from ${props.repository} (assumes the CDK bootstrap roles only)`,
      maxSessionDuration: Duration.hours(1),
    });
    const qualifier = props.cdkBootstrapQualifier ?? 'hnb659fds';
    this.infrastructureRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [
          `arn:${stack.partition}:iam::${stack.account}:role/cdk-${qualifier}-*-${stack.account}-*`,
        ],
      }),
    );

    this.deployRole = new iam.Role(this, 'DeployRole', {
      assumedBy: principal,
      description: `${props.environmentName}: push images and update ECS services from ${props.repository}`,
      maxSessionDuration: Duration.hours(1),
    });
    // ecr:GetAuthorizationToken has no resource-level permissions: '*' with this one action is the narrowest form.
    this.deployRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
    );
    for (const repository of props.repositories) {
      repository.grantPush(this.deployRole);
    }
    this.deployRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ecs:UpdateService', 'ecs:DescribeServices'],
        resources: props.services.map((service) => service.serviceArn),
      }),
    );
    // Task definitions have no ARN before they exist; registering one changes nothing until a service uses it.
    this.deployRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition'],
        resources: ['*'],
      }),
    );
    if (props.taskRoles.length > 0) {
      this.deployRole.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['iam:PassRole'],
          resources: props.taskRoles.map((role) => role.roleArn),
          conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        }),
      );
    }
  }
}
