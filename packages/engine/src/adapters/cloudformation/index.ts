export type { AdapterOutput, CloudFormationOptions } from './load.js';
export {
  declareExports,
  ExportTable,
  isCdkOut,
  loadCdkOut,
  loadCloudFormationFile,
  loadCloudFormationTemplate,
} from './load.js';
export { parseTemplate } from './parse.js';
