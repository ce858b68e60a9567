/**
 * How a driven run ends: the options every run takes, and putting its inputs back before it
 * returns or throws, turning a stop (a refusal, a cancel, a failure) into the error the caller sees.
 */
import { cellReference } from '../workbook/a1';
import { errorMessage } from '../workbook/messages';
import { SensitivityError, type TableResult } from '../workbook/sensitivity';
import type { DrivableTarget, Progress } from '../workbook/writer';
import { restoreOrRecover, type RestoreOptions, type SavedCell, unrestoredLabel } from './restore';

/** `Sheet!B13` as messages show a cell, and a thrown value's message: the shared helpers under short local names. */
export const where = cellReference;
const message = errorMessage;

export interface RunOptions extends RestoreOptions {
  /** Aborting stops the run between two points; the inputs are restored and CANCELLED is thrown (RESTORE_FAILED when some cannot be). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

/**
 * Why a driven run stopped before its inputs were put back: the error, and what its message adds
 * once they were (`; the inputs were restored.`), or `''` for a refusal that says nothing of them.
 */
export interface Stop {
  readonly error: SensitivityError;
  readonly restored: string;
}

/**
 * Puts `original` back ({@link restoreOrRecover}), then ends the run: throws `stop`'s error (with its
 * `restored` clause) when every cell is back, returns when there was no stop; when some cell is not
 * back, throws RESTORE_FAILED saying what the run was doing (`stop`, else `finished`) and listing
 * each cell with what it held and where the list is kept.
 */
export async function putBack(
  target: DrivableTarget,
  original: readonly SavedCell[],
  options: RunOptions,
  stop: Stop | null,
  finished: string,
): Promise<void> {
  const recovery = await restoreOrRecover(target, original, options);
  if (recovery === null) {
    if (stop === null) return;
    throw stop.restored === '' ? stop.error : new SensitivityError(stop.error.code, `${stop.error.message}${stop.restored}`, stop.error.partial);
  }
  const n = recovery.cells.length;
  const what = stop?.error.message.replace(/\.$/, '') ?? finished;
  const kept =
    recovery.sheet === null
      ? `${n === 1 ? 'It' : 'They'} could not be listed in the workbook either: type ${n === 1 ? 'it' : 'them'} back by hand.`
      : `${n === 1 ? 'It is' : 'They are'} listed on the sheet ${recovery.sheet} until you dismiss the list.`;
  throw new SensitivityError(
    'RESTORE_FAILED',
    `${what}, and ${n === 1 ? 'an input' : `${n} inputs`} could not be put back: ${recovery.cells.map(unrestoredLabel).join(', ')}. ${kept}`,
    stop?.error.partial,
    recovery,
  );
}

/** The stop for what a run's loop threw: a SensitivityError as it is, anything else as FAILED after `done` of `total`. */
export function stopOf(e: unknown, progress: string, restored: string, partial?: TableResult): Stop {
  if (e instanceof SensitivityError) return { error: e, restored: e.code === 'CANCELLED' ? restored : '' };
  return { error: new SensitivityError('FAILED', `stopped after ${progress}: ${message(e)}`, partial), restored };
}
