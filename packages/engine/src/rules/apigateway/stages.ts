import type { ApiStageFacts } from '../../model/kinds/apigateway.js';
import { isUnknown, type Unknown } from '../../model/values.js';
import { cannotVerify, fail, pass, skip, type Verdict } from '../rule.js';

/**
 * Judges every stage of an API: `problem(stage)` returns a description when the stage fails, `undefined` when it
 * passes, or an Unknown. An API with no stage is not deployed and is skipped.
 */
export function judgeStages(
  stages: readonly ApiStageFacts[],
  problem: (stage: ApiStageFacts) => string | undefined | Unknown,
): Verdict {
  if (stages.length === 0) return skip;
  const bad: string[] = [];
  const unclear: string[] = [];
  for (const stage of stages) {
    const result = problem(stage);
    if (result === undefined) continue;
    if (isUnknown(result)) unclear.push(`stage ${stage.name}: ${result.$unknown}`);
    else bad.push(`stage ${stage.name}: ${result}`);
  }
  if (bad.length > 0) return fail(bad.join('; '));
  if (unclear.length > 0) return cannotVerify(unclear.join('; '));
  return pass;
}
