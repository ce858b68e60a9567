import { ASSUMPTIONS } from '../../src/data/assumptions';
import { assumptionCopies, isBusy, listOf, PaneController, type PaneState, type Status } from '../../src/taskpane/controller';
import { errorMessage as messageOf } from '../../src/workbook/messages';
import { definedName, SHEET_KINDS, sheetName } from '../../src/workbook/baseline';
import type { SheetKind } from '../../src/workbook/plan';
import { FakeTarget } from './fake-target';

const BASELINE = ['Assumptions', 'Force', 'Munitions', 'Fund', 'Sources'];

/** Every defined name an Assumptions sheet of this copy creates. */
function assumptionNames(copy: number): string[] {
  return ['scenario', ...ASSUMPTIONS.map((a) => a.id)].map((id) => definedName(id, copy));
}

/** A workbook that already holds a whole baseline, copy 1. */
function loadedWorkbook(): FakeTarget {
  return new FakeTarget(
    [...BASELINE],
    assumptionNames(1).map((name) => ({ name, sheet: 'Assumptions' })),
  );
}

/** The kinds of a plan's sheets. */
function kinds(target: FakeTarget, call = 0): SheetKind[] {
  return target.applied[call]?.plan.sheets.map((s) => s.kind) ?? [];
}

function sheetsOf(target: FakeTarget, call = 0): string[] {
  return target.applied[call]?.plan.sheets.map((s) => s.name) ?? [];
}

function record(controller: PaneController): Status[] {
  const seen: Status[] = [];
  controller.subscribe((s: PaneState) => seen.push(s.status));
  return seen;
}

describe('PaneController.loadBaseline', () => {
  it('writes copy 1 of all five sheets into an empty workbook, once, replacing nothing', async () => {
    const target = new FakeTarget(['Sheet1']);
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(target.applied).toHaveLength(1);
    expect(sheetsOf(target)).toEqual(BASELINE);
    expect(target.applied[0]?.replace).toEqual([]);
    expect(target.applied[0]?.plan.names.map((n) => n.name)).toContain('line_km');
    expect(pane.state.status).toEqual({
      kind: 'done',
      message: 'Loaded Assumptions, Force, Munitions, Fund and Sources on the scenario Lasting peace.',
      sheets: BASELINE,
    });
  });

  it('starts the plan on the scenario chosen before loading', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.switchScenario('no_deal');
    expect(target.values).toEqual([]); // nothing loaded yet: only the choice changes
    await pane.loadBaseline();
    const plan = target.applied[0]?.plan;
    const selector = plan?.sheets[0]?.cells[2]?.[1]?.content; // Assumptions!B3
    expect(plan?.scenarioCell).toEqual({ sheet: 'Assumptions', address: 'B3' });
    expect(selector).toBe('No agreement');
    expect(pane.state.scenario).toBe('no_deal');
  });

  it('asks before loading a second time, offering a new copy named after the next free copy', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(target.applied).toHaveLength(0);
    expect(pane.state.status).toEqual({
      kind: 'conflict',
      sheets: BASELINE,
      copy: 2,
      copySheets: ['Assumptions (2)', 'Force (2)', 'Munitions (2)', 'Fund (2)', 'Sources (2)'],
      copyName: 'Assumptions (2), Force (2), Munitions (2), Fund (2) and Sources (2)',
      message:
        'This workbook already has Assumptions, Force, Munitions, Fund and Sources. Load a new copy ' +
        '(Assumptions (2), Force (2), Munitions (2), Fund (2) and Sources (2)) and leave them as they are, or replace them? ' +
        // Issue 8: the question says what replacing means.
        'Replacing clears them and writes them anew in place: anything you added to them is lost, while your formulas and names that refer to them keep working.',
    });
  });

  it('loads copy 2 beside the first when the answer is New copy, touching none of the existing sheets', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.answer('new-copy');
    expect(target.applied).toHaveLength(1);
    expect(sheetsOf(target)).toEqual(['Assumptions (2)', 'Force (2)', 'Munitions (2)', 'Fund (2)', 'Sources (2)']);
    expect(target.applied[0]?.replace).toEqual([]);
    expect(target.applied[0]?.plan.names.map((n) => n.name)).toContain('line_km_2');
    expect(target.applied[0]?.plan.scenarioCell).toEqual({ sheet: 'Assumptions (2)', address: 'B3' });
    expect(pane.state.status.kind).toBe('done');
    expect(pane.state.status).toMatchObject({ message: expect.stringContaining('as a new copy') as unknown });
  });

  it('loading twice into a fresh workbook is safe: the second load asks, and New copy makes copy 2', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.loadBaseline();
    expect(pane.state.status).toMatchObject({ kind: 'conflict', copy: 2 });
    await pane.answer('new-copy');
    expect(target.applied).toHaveLength(2);
    expect(target.sheets).toEqual([...BASELINE, ...BASELINE.map((s) => `${s} (2)`)]);
  });

  it('replaces the sheets of copy 1 and reuses their names when the answer is Replace', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.answer('replace');
    expect(target.applied).toHaveLength(1);
    expect(sheetsOf(target)).toEqual(BASELINE);
    expect(target.applied[0]?.replace).toEqual(BASELINE);
    expect(target.applied[0]?.plan.names.map((n) => n.name)).toEqual(assumptionNames(1));
    expect(pane.state.status).toMatchObject({
      kind: 'done',
      message: expect.stringContaining('replacing the existing Assumptions, Force, Munitions, Fund and Sources') as unknown,
    });
  });

  it('replaces only the sheets that are there: a workbook with just Force has Force replaced', async () => {
    const target = new FakeTarget(['Force']);
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(pane.state.status).toMatchObject({ kind: 'conflict', sheets: ['Force'], copy: 2 });
    await pane.answer('replace');
    expect(target.applied[0]?.replace).toEqual(['Force']);
    expect(sheetsOf(target)).toEqual(BASELINE);
  });

  it('finds clashes ignoring case, as Excel compares sheet names', async () => {
    const pane = new PaneController(new FakeTarget(['FORCE']));
    await pane.loadBaseline();
    expect(pane.state.status).toMatchObject({ kind: 'conflict', sheets: ['Force'] });
  });

  it('writes nothing and goes back to idle when the answer is Cancel', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.answer('cancel');
    expect(target.applied).toHaveLength(0);
    expect(pane.state.status).toEqual({ kind: 'idle' });
  });

  it('ignores an answer when no question is open', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.answer('replace');
    expect(target.applied).toHaveLength(0);
    expect(pane.state.status).toEqual({ kind: 'idle' });
  });

  it('uses the first copy whose names are free when the sheets are gone but their names remain', async () => {
    // Deleting sheets in Excel leaves their defined names behind (as #REF!): copy 1 is not free.
    const target = new FakeTarget([], assumptionNames(1));
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(sheetsOf(target)).toEqual(BASELINE.map((s) => `${s} (2)`));
    expect(target.applied[0]?.replace).toEqual([]);
  });

  it('ends in an error state carrying the message when apply fails', async () => {
    const target = new FakeTarget();
    target.failWith = new Error('The workbook is protected');
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(pane.state.status).toEqual({
      kind: 'error',
      message: 'Could not load Assumptions, Force, Munitions, Fund and Sources: The workbook is protected',
    });
    expect(pane.state.selector).toBeNull();
  });

  it('reports an Office-style error object (not an Error) by its message', async () => {
    const target = new FakeTarget();
    target.failWith = { code: 'InvalidArgument', message: 'The argument is invalid or missing' };
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(pane.state.status).toMatchObject({ kind: 'error', message: expect.stringContaining('The argument is invalid or missing') as unknown });
  });

  it('ends in an error state when the workbook cannot be read, writing nothing', async () => {
    const target = new FakeTarget();
    target.sheetNames = () => Promise.reject(new Error('Excel is busy'));
    const pane = new PaneController(target);
    await pane.loadBaseline();
    expect(target.applied).toHaveLength(0);
    expect(pane.state.status).toEqual({ kind: 'error', message: 'Could not read the workbook: Excel is busy' });
  });

  it('forwards the progress apply reports as writing states, in order, then says done', async () => {
    const target = new FakeTarget();
    target.progress = [
      { done: 0, total: 3, step: 'Assumptions' },
      { done: 1, total: 3, step: 'Force' },
      { done: 3, total: 3, step: 'Names' },
    ];
    const pane = new PaneController(target);
    const seen = record(pane);
    await pane.loadBaseline();
    expect(seen.map((s) => s.kind)).toEqual(['idle', 'reading', 'writing', 'writing', 'writing', 'writing', 'done']);
    expect(seen.slice(2, 6)).toEqual([
      { kind: 'writing', done: 0, total: 0, step: 'Writing Assumptions, Force, Munitions, Fund and Sources' },
      { kind: 'writing', done: 0, total: 3, step: 'Assumptions' },
      { kind: 'writing', done: 1, total: 3, step: 'Force' },
      { kind: 'writing', done: 3, total: 3, step: 'Names' },
    ]);
  });

  it('ignores progress reported after the write ended', async () => {
    const target = new FakeTarget();
    let late: ((p: { done: number; total: number; step: string }) => void) | undefined;
    const apply = target.apply.bind(target);
    target.apply = (plan, options) => {
      late = options.onProgress;
      return apply(plan, options);
    };
    const pane = new PaneController(target);
    await pane.loadBaseline();
    late?.({ done: 5, total: 5, step: 'late' });
    expect(pane.state.status.kind).toBe('done');
  });

  it('refuses a second load while the first is still writing', async () => {
    const target = new FakeTarget();
    let finish: () => void = () => undefined;
    target.apply = (plan) => {
      target.applied.push({ plan, replace: [] });
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const pane = new PaneController(target);
    const first = pane.loadBaseline();
    await new Promise((r) => setTimeout(r, 0));
    expect(pane.state.status.kind).toBe('writing');
    await pane.loadBaseline();
    await pane.loadSheet('force');
    expect(target.applied).toHaveLength(1);
    finish();
    await first;
    expect(pane.state.status.kind).toBe('done');
  });
});

describe('PaneController.loadSheet', () => {
  it('writes only Force, reading the names of the Assumptions copy already in the workbook', async () => {
    const target = new FakeTarget(['Assumptions'], assumptionNames(1));
    const pane = new PaneController(target);
    await pane.loadSheet('force');
    expect(kinds(target)).toEqual(['force']);
    expect(sheetsOf(target)).toEqual(['Force']);
    const formulas = target.applied[0]?.plan.sheets[0]?.cells.flat().map((c) => c.content) ?? [];
    expect(formulas).toContain('=line_km*zone_depth_km');
    expect(target.applied[0]?.plan.names).toEqual([]);
    expect(pane.state.selector).toEqual({ sheet: 'Assumptions', address: 'B3' });
    expect(pane.state.status).toMatchObject({
      kind: 'done',
      message: 'Loaded Force. It reads its inputs from Assumptions, whose scenario was left as it is.',
    });
  });

  it('points a model sheet at the latest Assumptions copy when there are several', async () => {
    const target = new FakeTarget(['Assumptions', 'Assumptions (2)', 'Force'], [...assumptionNames(1), ...assumptionNames(2)]);
    const pane = new PaneController(target);
    await pane.loadSheet('munitions');
    expect(sheetsOf(target)).toEqual(['Munitions']);
    const formulas = target.applied[0]?.plan.sheets[0]?.cells.flat().map((c) => c.content) ?? [];
    expect(formulas).toContain('=ua_daily_use_2');
    expect(target.applied[0]?.plan.scenarioCell).toEqual({ sheet: 'Assumptions (2)', address: 'B3' });
  });

  it('adds Assumptions when the workbook has none, and says so', async () => {
    const target = new FakeTarget(['Sheet1']);
    const pane = new PaneController(target);
    await pane.loadSheet('force');
    expect(kinds(target)).toEqual(['assumptions', 'force']);
    expect(target.applied[0]?.plan.names.map((n) => n.name)).toEqual(assumptionNames(1));
    expect(pane.state.status).toMatchObject({
      kind: 'done',
      message:
        'Loaded Assumptions and Force on the scenario Lasting peace. The workbook had no Assumptions sheet, so one was added: Force reads its inputs from it.',
    });
  });

  it('does not count an Assumptions sheet whose names are missing (it was made by hand)', async () => {
    const target = new FakeTarget(['Assumptions']);
    const pane = new PaneController(target);
    await pane.loadSheet('fund');
    // Assumptions and Fund would be copy 1, and Assumptions is there: the user is asked.
    expect(pane.state.status).toMatchObject({ kind: 'conflict', sheets: ['Assumptions'], copy: 2, copyName: 'Assumptions (2) and Fund (2)' });
    await pane.answer('new-copy');
    expect(kinds(target)).toEqual(['assumptions', 'fund']);
    expect(sheetsOf(target)).toEqual(['Assumptions (2)', 'Fund (2)']);
  });

  it('asks before loading Force again, and a new copy still reads the existing Assumptions', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadSheet('force');
    expect(pane.state.status).toMatchObject({
      kind: 'conflict',
      sheets: ['Force'],
      copy: 2,
      copyName: 'Force (2)',
      message:
        'This workbook already has Force. Load a new copy (Force (2)) and leave it as it is, or replace it? ' +
        'Replacing clears it and writes it anew in place: anything you added to it is lost, while your formulas and names that refer to it keep working.',
    });
    await pane.answer('new-copy');
    expect(sheetsOf(target)).toEqual(['Force (2)']);
    const formulas = target.applied[0]?.plan.sheets[0]?.cells.flat().map((c) => c.content) ?? [];
    expect(formulas).toContain('=line_km*zone_depth_km');
  });

  it('replaces Force alone when asked to', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadSheet('force');
    await pane.answer('replace');
    expect(sheetsOf(target)).toEqual(['Force']);
    expect(target.applied[0]?.replace).toEqual(['Force']);
  });

  it('loads Assumptions alone, with its names', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadSheet('assumptions');
    expect(kinds(target)).toEqual(['assumptions']);
    expect(target.applied[0]?.plan.names.map((n) => n.name)).toEqual(assumptionNames(1));
    expect(pane.state.selector).toEqual({ sheet: 'Assumptions', address: 'B3' });
  });

  it('loads Sources alone without needing Assumptions, and leaves the selector unset', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadSheet('sources');
    expect(kinds(target)).toEqual(['sources']);
    expect(pane.state.selector).toBeNull();
  });
});

describe('PaneController.switchScenario', () => {
  it('says, before any load, that the choice only sets where the next load starts (issue 13, defect 7)', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.switchScenario('collapse');
    expect(target.values).toEqual([]);
    expect(pane.state.status).toEqual({
      kind: 'done',
      message: 'The next load starts on Truce collapses; no baseline is loaded yet, so nothing was written.',
      sheets: [],
    });
  });

  it('follows the loaded selector cell when the workbook changes it, writing nothing (issue 13, defect 7)', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    pane.followSelector('No agreement');
    expect(pane.state.scenario).toBe('peace'); // nothing loaded: no selector to follow
    await pane.loadBaseline();
    pane.followSelector(' no agreement ');
    expect(pane.state.scenario).toBe('no_deal');
    pane.followSelector('Armistice');
    pane.followSelector(3);
    expect(pane.state.scenario).toBe('no_deal');
    expect(target.values).toEqual([]);
  });

  it('types the short label into the loaded scenario cell after loading', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.switchScenario('collapse');
    expect(target.values).toEqual([{ sheet: 'Assumptions', address: 'B3', value: 'Truce collapses' }]);
    expect(pane.state.scenario).toBe('collapse');
    expect(pane.state.status).toMatchObject({ kind: 'done', message: expect.stringContaining('Truce collapses') as unknown });
  });

  it('switches the copy it loaded last: Assumptions (2) after a second load', async () => {
    const target = loadedWorkbook();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.answer('new-copy');
    await pane.switchScenario('no_deal');
    expect(target.values).toEqual([{ sheet: 'Assumptions (2)', address: 'B3', value: 'No agreement' }]);
  });

  it('shows switching while the cell is written', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    const seen = record(pane);
    await pane.switchScenario('collapse');
    expect(seen.map((s) => s.kind)).toEqual(['done', 'switching', 'done']);
  });

  it('keeps the previous scenario and shows the error when the cell cannot be written', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    target.failSetValueWith = new Error('The sheet Assumptions was deleted');
    await pane.switchScenario('collapse');
    expect(pane.state.scenario).toBe('peace');
    expect(pane.state.status).toEqual({ kind: 'error', message: 'Could not switch to Truce collapses: The sheet Assumptions was deleted' });
  });

  it('does nothing when the scenario is already the chosen one', async () => {
    const target = new FakeTarget();
    const pane = new PaneController(target);
    await pane.loadBaseline();
    await pane.switchScenario('peace');
    expect(target.values).toEqual([]);
  });

  it('refuses to switch while writing, and tells the view to show the current choice again', async () => {
    const target = new FakeTarget();
    let finish: () => void = () => undefined;
    target.apply = () => new Promise<void>((resolve) => (finish = resolve));
    const pane = new PaneController(target);
    const load = pane.loadBaseline();
    await new Promise((r) => setTimeout(r, 0));
    const seen: PaneState[] = [];
    pane.subscribe((s) => seen.push(s));
    await pane.switchScenario('collapse');
    expect(seen.map((s) => s.scenario)).toEqual(['peace', 'peace']);
    finish();
    await load;
    expect(target.values).toEqual([]);
  });

  it('starts with the scenario given in the options', () => {
    expect(new PaneController(new FakeTarget(), { scenario: 'collapse' }).state.scenario).toBe('collapse');
  });
});

describe('PaneController.subscribe', () => {
  it('calls the listener with the current state at once, and no more after unsubscribing', async () => {
    const pane = new PaneController(new FakeTarget());
    const seen: PaneState[] = [];
    const stop = pane.subscribe((s) => seen.push(s));
    expect(seen).toEqual([{ scenario: 'peace', selector: null, status: { kind: 'idle' } }]);
    stop();
    await pane.loadBaseline();
    expect(seen).toHaveLength(1);
  });
});

describe('assumptionCopies', () => {
  it('lists the copies whose sheet and names are all there', () => {
    expect(assumptionCopies(['Assumptions', 'Assumptions (3)'], [...assumptionNames(1), ...assumptionNames(3)])).toEqual([1, 3]);
  });

  it('leaves out a copy missing one of its names', () => {
    expect(assumptionCopies(['Assumptions'], assumptionNames(1).slice(1))).toEqual([]);
  });

  it('compares names ignoring case, as Excel does', () => {
    expect(
      assumptionCopies(
        ['ASSUMPTIONS'],
        assumptionNames(1).map((n) => n.toUpperCase()),
      ),
    ).toEqual([1]);
  });
});

describe('listOf', () => {
  it('joins with commas and a final "and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['Force'])).toBe('Force');
    expect(listOf(['Assumptions', 'Force'])).toBe('Assumptions and Force');
    expect(listOf(SHEET_KINDS.map((k) => sheetName(k)))).toBe('Assumptions, Force, Munitions, Fund and Sources');
  });
});

describe('messageOf', () => {
  it('reads the message of an Error, an object with a message, or a string', () => {
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf({ message: 'RichApi.Error' })).toBe('RichApi.Error');
    expect(messageOf('plain')).toBe('plain');
  });

  it('says "unknown error" rather than showing nothing', () => {
    expect(messageOf(undefined)).toBe('unknown error');
    expect(messageOf(new Error(''))).toBe('unknown error');
  });
});

describe('isBusy', () => {
  it('is true while reading, writing or switching, false otherwise', () => {
    expect(isBusy({ kind: 'reading' })).toBe(true);
    expect(isBusy({ kind: 'writing', done: 0, total: 1, step: '' })).toBe(true);
    expect(isBusy({ kind: 'switching', scenario: 'peace' })).toBe(true);
    expect(isBusy({ kind: 'idle' })).toBe(false);
    expect(isBusy({ kind: 'error', message: 'x' })).toBe(false);
  });
});
