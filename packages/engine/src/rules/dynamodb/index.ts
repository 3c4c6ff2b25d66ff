import type { AnyRule } from '../rule.js';
import { dynamodbTableAutoscaling } from './table-autoscaling.js';
import { dynamodbTableCmk } from './table-cmk.js';
import { dynamodbTableInBackupPlan } from './table-in-backup-plan.js';
import { dynamodbTablePitr } from './table-pitr.js';

export const dynamodbRules: readonly AnyRule[] = [
  dynamodbTableCmk,
  dynamodbTablePitr,
  dynamodbTableInBackupPlan,
  dynamodbTableAutoscaling,
];
