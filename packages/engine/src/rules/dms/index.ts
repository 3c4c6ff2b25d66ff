import type { AnyRule } from '../rule.js';
import { dmsReplicationInstanceCmk } from './replication-instance-cmk.js';
import { dmsReplicationNotPublic } from './replication-not-public.js';

export const dmsRules: readonly AnyRule[] = [dmsReplicationNotPublic, dmsReplicationInstanceCmk];
