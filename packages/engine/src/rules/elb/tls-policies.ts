import { z } from 'zod';
import { readDataFile } from '../../data-files.js';

const policiesSchema = z.object({
  source: z.object({ title: z.string(), url: z.string().url(), asOf: z.union([z.string(), z.date()]) }),
  defaultPolicy: z.string(),
  minimumTls: z.record(z.string(), z.enum(['1.0', '1.1', '1.2', '1.3'])),
});

let cached: z.infer<typeof policiesSchema> | undefined;

function policies() {
  cached ??= policiesSchema.parse(readDataFile('elb-tls-policies.yaml'));
  return cached;
}

/** The policy AWS applies to an HTTPS/TLS listener that names none. */
export function defaultTlsPolicy(): string {
  return policies().defaultPolicy;
}

/**
 * Minimum TLS version a policy accepts (`1.0` … `1.3`), from the dated list in `data/elb-tls-policies.yaml`, else
 * from the AWS naming pattern; `undefined` when neither tells (a custom policy name).
 */
export function minimumTlsOf(policy: string): string | undefined {
  const listed = policies().minimumTls[policy];
  if (listed) return listed;
  const custom = /^custom:TLSv(1\.[0-3])$/.exec(policy);
  if (custom) return custom[1];
  const pattern = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])-/.exec(policy);
  return pattern ? `1.${pattern[1]}` : undefined;
}
