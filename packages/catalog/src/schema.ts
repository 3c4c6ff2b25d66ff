import { z } from 'zod';
import {
  FRAMEWORK_IDS,
  type FrameworkId,
  HIPAA_MARKINGS,
  REQUIREMENT_TYPES,
  type RequirementType,
} from './model.js';

/**
 * Shapes of the data files. Objects are strict so a misspelt key (`requirment:`) is an error
 * rather than a silently missing marking.
 */

const text = z.string().trim().min(1, 'must be a non-empty string');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD (quote it in YAML)');

const sourceSchema = z.strictObject({
  title: text,
  publisher: text,
  url: z.string().regex(/^https:\/\/\S+$/, 'must be an https:// address of the published text'),
  version: text.optional(),
  date: isoDate,
});

export const requirementSchema = z.strictObject({
  id: text,
  title: text,
  type: z.enum(REQUIREMENT_TYPES),
  parent: text.optional(),
  requirement: z.enum(HIPAA_MARKINGS).optional(),
  section: text.optional(),
});

export const frameworkFileSchema = z.strictObject({
  id: z.enum(FRAMEWORK_IDS),
  name: text,
  version: text,
  source: sourceSchema,
  requirements: z.array(requirementSchema).min(1, 'must list at least one requirement'),
});
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;

const citationList = z.array(text);

export const controlSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be kebab-case (lower-case words joined by "-")'),
  title: text,
  description: text,
  basis: text,
  // All four keys are required, even when empty, so an author decides for every framework.
  citations: z.strictObject({
    // Safeguard is HIPAA compliance as code: a control that serves no HIPAA requirement has no place.
    hipaa: citationList.min(1, 'every control must cite at least one HIPAA requirement'),
    soc2: citationList,
    gdpr: citationList,
    hitrust: citationList,
  }),
});

export const controlsFileSchema = z.strictObject({
  source: z.strictObject({
    title: text,
    publisher: text,
    // Safeguard's own catalog: a repository path is as good an address as a URL.
    url: text,
    version: text.optional(),
    date: isoDate,
  }),
  controls: z.array(controlSchema).min(1, 'must list at least one control'),
});
export type ControlsFile = z.infer<typeof controlsFileSchema>;

/**
 * How each framework writes its requirement ids. Checked so that a typo such as `164.312(a)(2)(iv`
 * or `CC6,1` is caught in the framework file rather than surfacing as an unknown citation.
 */
export const REQUIREMENT_ID_PATTERNS: Record<FrameworkId, { pattern: RegExp; example: string }> = {
  // 164.3xx followed by paragraph designations: (a), (1), (ii), (A).
  hipaa: {
    pattern: /^164\.3(?:08|10|12|14|16)(?:\((?:[a-z]|\d+|[ivx]+|[A-Z])\))+$/,
    example: '164.312(a)(2)(iv)',
  },
  soc2: { pattern: /^(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d+$/, example: 'CC6.1' },
  gdpr: { pattern: /^\d{1,2}\(\d+\)(?:\([a-z]\))?$/, example: '32(1)(a)' },
  hitrust: { pattern: /^\d{2}\.[a-z]{1,2}$/, example: '09.aa' },
};

/** The requirement types each framework may use. */
export const REQUIREMENT_TYPES_BY_FRAMEWORK: Record<FrameworkId, readonly RequirementType[]> = {
  hipaa: ['standard', 'specification'],
  soc2: ['criterion'],
  gdpr: ['provision'],
  hitrust: ['control'],
};
