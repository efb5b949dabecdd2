import { UsageError, type CliIo } from './io';
import { runLookup } from './lookup';
import { runScan } from './scan';

const USAGE = `Usage:
  port-lens lookup [--json] QUERY...     describe ports, service names or words
  port-lens scan [--format text|json|sarif] [--fail-on error|warning|information]
                 [--config FILE] PATH...  find ports in config files and check them
  port-lens --help | --version

Exit status: 0 when the command ran, 1 when --fail-on matched or a lookup found
nothing, 2 on a usage error or an unreadable path.`;

declare const PORT_LENS_VERSION: string | undefined;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lookup':
        return await runLookup(rest, io);
      case 'scan':
        return await runScan(rest, io);
      case '--version':
      case '-v':
        io.out(`${typeof PORT_LENS_VERSION === 'string' ? PORT_LENS_VERSION : 'dev'}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}": expected "lookup" or "scan"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`port-lens: ${error.message}\n`);
      io.err(`Run "port-lens --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`port-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
