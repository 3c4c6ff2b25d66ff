import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The tag the Safeguard engine uses to draw the PHI boundary (R-ENG-4). */
export const PHI_TAG = { key: 'DataClassification', value: 'PHI' } as const;

/** Marks a resource (and everything under it) as holding PHI. */
export function tagAsPhi(scope: IConstruct): void {
  Tags.of(scope).add(PHI_TAG.key, PHI_TAG.value);
}
