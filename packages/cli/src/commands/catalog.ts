import {
  FRAMEWORK_IDS,
  type FrameworkId,
  formatCatalogList,
  formatCrosswalk,
  loadCatalog,
} from '@safeguard/catalog';
import { parseCommandArgs } from '../args.js';
import { type CliIo, UsageError } from '../io.js';

function frameworkOf(value: string | undefined, position: string): FrameworkId {
  if (!value || !(FRAMEWORK_IDS as readonly string[]).includes(value)) {
    throw new UsageError(
      `catalog crosswalk: ${position} framework must be one of ${FRAMEWORK_IDS.join(', ')}; got "${value ?? ''}"`,
    );
  }
  return value as FrameworkId;
}

/** `safeguard catalog` lists frameworks and controls; `safeguard catalog crosswalk hipaa soc2` prints the crosswalk. */
export function catalogCommand(args: readonly string[], io: CliIo): number {
  const { positionals } = parseCommandArgs('catalog', args, {});
  const [sub, a, b] = positionals;
  const catalog = loadCatalog();
  if (sub === undefined || sub === 'list') {
    io.stdout.write(formatCatalogList(catalog));
    return 0;
  }
  if (sub === 'crosswalk') {
    io.stdout.write(formatCrosswalk(catalog, frameworkOf(a, 'first'), frameworkOf(b, 'second')));
    return 0;
  }
  throw new UsageError(
    `catalog: unknown subcommand "${sub}" (use \`catalog\` or \`catalog crosswalk <a> <b>\`)`,
  );
}
