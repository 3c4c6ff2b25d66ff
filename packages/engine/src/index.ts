// Public API of the Safeguard engine: inputs → canonical model → rules → findings → reports.
import './model/kinds/index.js';

export {
  isCdkOut,
  loadCdkOut,
  loadCloudFormationFile,
  loadCloudFormationTemplate,
} from './adapters/cloudformation/index.js';
export { fileErrorReason } from './adapters/input-text.js';
export { loadTerraformFolder } from './adapters/terraform/hcl/index.js';
export { loadTerraformPlan } from './adapters/terraform/plan.js';
export { ConfigError, configSchema, loadConfig, parseConfig, type SafeguardConfig } from './config.js';
export { type BoundaryOptions, computeBoundary, DEFAULT_BOUNDARY_TAGS } from './evaluate/boundary.js';
export { evaluateRules, fingerprintOf } from './evaluate/evaluate.js';
export type { Finding, SuppressionState } from './evaluate/finding.js';
export { activeFindings, exitCodeOf, type ScanResult, severityAtLeast } from './evaluate/result.js';
export { applySuppressions, type Baseline, baselineOf, parseBaseline } from './evaluate/suppress.js';
export { loadInputs } from './inputs.js';
export { createModel, mergeModels } from './model/build.js';
export type { InputError, Kind, Model, ModelledKind, Resource, Source } from './model/resource.js';
export { describeVal, isRef, isUnknown, type ResourceRef, type Unknown, type Val } from './model/values.js';
export {
  isReportFormat,
  REPORT_EXTENSIONS,
  REPORT_FORMATS,
  type RenderOptions,
  type ReportFormat,
  render,
  renderChunks,
} from './report/index.js';
export { hipaaEligibility } from './rules/baa/eligibility.js';
export { allRules } from './rules/index.js';
export { type AnyRule, type Rule, SEVERITIES, type Severity } from './rules/rule.js';
export { type ScanOptions, scan } from './scan.js';
export { VERSION } from './version.js';
