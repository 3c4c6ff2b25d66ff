import { VERSION } from '@safeguard/engine';
import { auditCommand } from './commands/audit.js';
import { catalogCommand } from './commands/catalog.js';
import { inventoryCommand } from './commands/inventory.js';
import { explainCommand, rulesCommand } from './commands/rules.js';
import { baselineCommand, scanCommand } from './commands/scan.js';
import { type CliIo, EXIT, UsageError } from './io.js';

export const HELP = `safeguard ${VERSION} — HIPAA compliance as code for AWS

Usage:
  safeguard scan <paths...> [options]     judge CloudFormation templates, cdk.out folders,
                                          Terraform folders (HCL) and plan JSON
  safeguard baseline <paths...> [-o FILE] accept today's findings; later scans fail only on new ones
  safeguard inventory <paths...> [--json] every resource, its service, BAA eligibility, PHI boundary
  safeguard rules [--stats] [--json]      list the rules
  safeguard explain <rule>                a rule's rationale, controls, citations, remediation
  safeguard catalog                       frameworks and controls
  safeguard catalog crosswalk <a> <b>     crosswalk of two frameworks (hipaa, soc2, gdpr, hitrust)
  safeguard audit verify [--database-url URL | --data-dir DIR]
                                          check the tamper-evident audit log of @safeguard/controls

Scan options:
  -f, --format <fmt>     terminal (default), json, sarif, junit, markdown, html; repeatable
  -o, --output <file>    write the n-th --format to this file; repeatable
      --fail-on <sev>    critical, high (default), medium, low, none
  -p, --param K=V        a CloudFormation parameter value; repeatable
      --var K=V          a Terraform variable value; repeatable
      --var-file <file>  a Terraform .tfvars (or .tfvars.json) file; repeatable
  -c, --config <file>    settings (default: .safeguard.yml when present)
      --baseline <file>  fail only on findings not in this baseline
      --no-color         plain terminal output (also NO_COLOR=1)
  -q, --quiet            no status line on standard error
      --debug            show stack traces of internal errors

Exit codes: 0 pass, 1 findings at or above --fail-on, 2 usage error, 3 an input could not be read.
`;

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => number | Promise<number>> = {
  scan: scanCommand,
  baseline: baselineCommand,
  inventory: inventoryCommand,
  rules: rulesCommand,
  explain: explainCommand,
  catalog: catalogCommand,
  audit: auditCommand,
};

/** Runs the CLI; returns the exit code. Errors reach the user as one line, a stack trace only with --debug. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`safeguard: unknown command "${command}"\n\n${HELP}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`safeguard: ${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `safeguard: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.incomplete;
  }
}
