export type { CliIo } from './io.js';
export { HELP, main } from './main.js';
