import { z } from 'zod';
import { readDataFile } from '../../data-files.js';

const eligibilitySchema = z.object({
  source: z.object({
    title: z.string(),
    publisher: z.string(),
    url: z.string().url(),
    asOf: z.union([z.string(), z.date()]),
  }),
  notApplicable: z.record(z.string(), z.string()),
  eligible: z.record(z.string(), z.string()),
});

export interface ServiceEligibility {
  readonly asOf: string;
  readonly url: string;
  /** `eligible`, `not-applicable` (control plane, holds no ePHI) or `not-eligible`, with the service's name. */
  classify(service: string): {
    readonly status: 'eligible' | 'not-applicable' | 'not-eligible';
    readonly name?: string;
  };
}

let cached: ServiceEligibility | undefined;

/** The dated list of HIPAA-eligible AWS services shipped in `data/` (validated on load). */
export function hipaaEligibility(): ServiceEligibility {
  if (cached) return cached;
  const data = eligibilitySchema.parse(readDataFile('hipaa-eligible-services.yaml'));
  const asOf =
    data.source.asOf instanceof Date ? data.source.asOf.toISOString().slice(0, 10) : data.source.asOf;
  cached = {
    asOf,
    url: data.source.url,
    classify(service) {
      // Other Terraform providers (random, tls, null…) create nothing in AWS: the BAA does not concern them.
      if (service.startsWith('provider:')) return { status: 'not-applicable', name: service.slice(9) };
      const eligible = data.eligible[service];
      if (eligible) return { status: 'eligible', name: eligible };
      const notApplicable = data.notApplicable[service];
      if (notApplicable) return { status: 'not-applicable', name: notApplicable };
      return { status: 'not-eligible' };
    },
  };
  return cached;
}
