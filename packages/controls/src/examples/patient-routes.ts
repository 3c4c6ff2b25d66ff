// The integration guide's example (docs/controls.md), kept real by examples/patient-routes.test.ts:
// routes in the Hono style — a handler receives a context and returns a web-standard Response.
import { z } from 'zod';
import type { Controls } from '../controls.js';
import { enqueueOutboxEvent } from '../outbox/outbox.js';

/** Who is calling, as your authentication middleware established it (session, token). */
export interface AuthenticatedUser {
  userId: string;
  role: 'clinician' | 'administrator' | 'auditor';
  /** From authentication, never from the URL or the body (R-APP-7). */
  tenantId: string;
}

export interface RouteContext {
  request: Request;
  /** Path parameters, e.g. { id } from /patients/:id. Record ids only: no PHI in URLs (R-APP-10). */
  params: Record<string, string>;
  user: AuthenticatedUser;
  clientIp?: string;
}

const patientSchema = z
  .object({
    name: z.string().min(1).max(200),
    ssn: z.string().regex(/^\d{3}-?\d{2}-?\d{4}$/, 'ssn must be 9 digits'),
    dob: z.iso.date(),
    note: z.string().max(10_000).optional(),
  })
  .strict();
type Patient = z.infer<typeof patientSchema>;

const patientIdSchema = z.string().regex(/^p-[a-z0-9]{1,32}$/, 'id must look like p-123');

export function createPatientRoutes(
  controls: Controls,
  options: { summarize?: (note: string) => Promise<string> } = {},
) {
  // One declaration: which fields are encrypted, which are searchable (R-APP-1).
  const patients = controls.collection({
    name: 'patients',
    schema: patientSchema,
    sensitiveFields: ['name', 'ssn', 'dob', 'note'],
    searchableFields: { ssn: (ssn) => ssn.replaceAll('-', '') },
  });
  const contextOf = (c: RouteContext) => ({
    actor: {
      userId: c.user.userId,
      role: c.user.role,
      tenantId: c.user.tenantId,
      ...(c.clientIp ? { ip: c.clientIp } : {}),
    },
  });

  return {
    /** GET /patients/:id — decrypts, audits the read, scoped to the caller's tenant by RLS. */
    async getPatient(c: RouteContext): Promise<Response> {
      if (c.user.role !== 'clinician') return Response.json({ error: 'forbidden' }, { status: 403 });
      const id = patientIdSchema.safeParse(c.params.id);
      if (!id.success) return Response.json({ error: 'invalid patient id' }, { status: 400 });
      const patient = await patients.read(contextOf(c), id.data);
      if (!patient) return Response.json({ error: 'not found' }, { status: 404 });

      // R-APP-8: past the quota the tenant degrades (no third-party AI summary) instead of failing.
      let summary: string | null = null;
      if (patient.note && options.summarize) {
        const quota = await controls.quotas.consume(c.user.tenantId, 'ai.summaries');
        if (quota.decision !== 'degraded') summary = await options.summarize(patient.note);
      }
      return Response.json({ id: id.data, ...patient, summary });
    },

    /** POST /patients/:id — validates, encrypts, versions, audits, and emits an event atomically. */
    async createPatient(c: RouteContext): Promise<Response> {
      if (c.user.role !== 'clinician') return Response.json({ error: 'forbidden' }, { status: 403 });
      const id = patientIdSchema.safeParse(c.params.id);
      const body = patientSchema.safeParse(await c.request.json().catch(() => undefined));
      if (!id.success || !body.success) {
        // Field names only in the error, never the submitted values (R-X-2).
        const fields = body.success ? ['id'] : body.error.issues.map((issue) => issue.path.join('.'));
        return Response.json({ error: 'invalid input', fields }, { status: 400 });
      }
      await patients.create(contextOf(c), id.data, body.data, {
        // R-APP-9: the event commits with the record or not at all; no PHI in the payload.
        alsoInTransaction: (tx) =>
          enqueueOutboxEvent(tx, {
            topic: 'patient.created',
            payload: { patientId: id.data },
            idempotencyKey: `patient.created:${id.data}`,
          }),
      });
      return Response.json({ id: id.data }, { status: 201 });
    },
  };
}

export type { Patient };
