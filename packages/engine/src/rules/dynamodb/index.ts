import type { AnyRule } from '../rule.js';
import { dynamodbTableAutoscaling } from './table-autoscaling.js';
import { dynamodbTableCmk } from './table-cmk.js';
import { dynamodbTableCmkNonPhi } from './table-cmk-non-phi.js';
import { dynamodbTableInBackupPlan } from './table-in-backup-plan.js';
import { dynamodbTablePitr } from './table-pitr.js';

export const dynamodbRules: readonly AnyRule[] = [
  dynamodbTableCmk,
  dynamodbTableCmkNonPhi,
  dynamodbTablePitr,
  dynamodbTableInBackupPlan,
  dynamodbTableAutoscaling,
];
