import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const codebuildProjectSourceRepoUrl = defineRule({
  id: 'codebuild-project-source-repo-url',
  title: 'CodeBuild source URLs contain no credentials',
  severity: 'high',
  rationale:
    'A personal access token or password embedded in the repository URL is stored in plaintext in the project and build logs; use an AWS CodeConnections/OAuth source credential instead.',
  remediation: {
    cloudformation:
      'Remove user:token@ from Source.Location; connect the provider with AWS::CodeBuild::SourceCredential or a CodeConnections connection.',
    terraform:
      'Remove credentials from source.location; use aws_codebuild_source_credential or a CodeConnections connection.',
    console:
      'CodeBuild → the project → Edit → Source → connect using OAuth/CodeConnections and a clean repository URL.',
  },
  controls: ['secrets-management', 'configuration-management'],
  kinds: ['BuildProject'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CodeBuildProjectSourceRepoUrl'],
    awsConfig: ['codebuild-project-source-repo-url-check'],
  },
  check(project) {
    // cdk-nag requires Source.Auth.Type OAUTH, a property CloudFormation documents as console-only; we check what
    // the Config rule checks: no credentials in the URL of a third-party repository.
    const location = project.facts.sourceLocation;
    if (location === undefined) return pass;
    if (isUnknown(location)) return cannotVerify(`source location is ${location.$unknown}`);
    return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(location)
      ? fail('source URL embeds credentials (user or token before "@")')
      : pass;
  },
});
