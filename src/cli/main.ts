/**
 * The `defecon` command line (run by `bin/defecon.cjs`): commands, their arguments and their
 * output, with the file system and the console passed in so tests need neither.
 */
import { errorMessage } from '../workbook/messages';
import { exportWorkbook, parseWorkbookArgs, WORKBOOK_USAGE } from './workbook';

/** What the command line may do outside itself. */
export interface CliIo {
  writeFile(path: string, bytes: Uint8Array): void;
  print(text: string): void;
  fail(text: string): void;
}

export const USAGE = ['defecon: DefEcon from the command line.', '', WORKBOOK_USAGE].join('\n');

/** Runs `args` (without `node` and the script); resolves to the exit code: 0 done, 1 failed, 2 bad arguments. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.print(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'workbook') {
    io.fail(`defecon: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const request = parseWorkbookArgs(rest);
  if ('error' in request) {
    io.fail(`defecon workbook: ${request.error}\n\n${WORKBOOK_USAGE}`);
    return 2;
  }
  try {
    const result = await exportWorkbook(request);
    io.writeFile(request.out, result.bytes);
    io.print(
      `Wrote ${request.out}: ${request.mode}, scenario ${request.scenario}, sheets ${result.sheets.join(', ')}; ${result.computed} formula cells with the model's values.`,
    );
    return 0;
  } catch (e) {
    io.fail(`defecon workbook: ${errorMessage(e)}`);
    return 1;
  }
}
