import { UsageError, type CliIo } from './io';

// Placeholder until the detector lands: see the Detector issue.
export async function runScan(_args: readonly string[], _io: CliIo): Promise<number> {
  throw new UsageError('scan is not available yet');
}
