/**
 * @safeguard/catalog — Safeguard's control catalog: the HIPAA Security Rule, SOC 2, GDPR and HITRUST
 * requirements, Safeguard's controls, and the crosswalk between them (R-CAT-1..3). The data lives in
 * `data/*.yaml` and is validated on load.
 */
export { buildCatalog } from './catalog.js';
export { CatalogError, type CatalogIssue, formatCatalogIssue } from './errors.js';
export { formatCatalogList, formatCrosswalk, formatOverlap } from './format.js';
export { CONTROLS_FILE, DEFAULT_DATA_DIR, frameworkFile, loadCatalog, writeCatalogSnapshot } from './load.js';
export {
  type Catalog,
  type Control,
  type CrosswalkRow,
  type CrosswalkTarget,
  FRAMEWORK_IDS,
  type Framework,
  type FrameworkId,
  type FrameworkOverlap,
  HIPAA_MARKINGS,
  type HipaaMarking,
  isFrameworkId,
  type OverlapReport,
  REQUIREMENT_TYPES,
  type Requirement,
  type RequirementType,
  type Source,
} from './model.js';
