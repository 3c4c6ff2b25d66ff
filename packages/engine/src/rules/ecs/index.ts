import type { AnyRule } from '../rule.js';
import { ecsClusterContainerInsights } from './cluster-container-insights.js';
import { ecsServiceExecuteCommandDisabled } from './service-execute-command-disabled.js';
import { ecsServiceExecuteCommandDisabledPhi } from './service-execute-command-disabled-phi.js';
import { ecsServiceNoPublicIp } from './service-no-public-ip.js';
import { ecsTaskDefinitionNoPlaintextSecrets } from './task-definition-no-plaintext-secrets.js';
import { ecsTaskDefinitionNoPrivileged } from './task-definition-no-privileged.js';
import { ecsTaskDefinitionReadonlyRootFilesystem } from './task-definition-readonly-root-filesystem.js';
import { ecsTaskDefinitionUserForHostMode } from './task-definition-user-for-host-mode.js';

export const ecsRules: readonly AnyRule[] = [
  ecsTaskDefinitionUserForHostMode,
  ecsTaskDefinitionNoPrivileged,
  ecsTaskDefinitionNoPlaintextSecrets,
  ecsTaskDefinitionReadonlyRootFilesystem,
  ecsServiceExecuteCommandDisabled,
  ecsServiceExecuteCommandDisabledPhi,
  ecsServiceNoPublicIp,
  ecsClusterContainerInsights,
];
