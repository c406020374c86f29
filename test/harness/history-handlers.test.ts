// The change history, the comparison with a snapshot and the outturn against a snapshot's
// budget, through dispatch() over a real PlanDocument in a temp folder (the demo plan), as
// main and the harness call them.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { PayloadError, type PlanEdit } from '../../shared/ipc';
import { outturnReport } from '../../shared/outturn';
import { demoWithActuals } from '../fixtures';
import { readCsv } from '../fixtures/read-csv';
import { useDemoSession } from './demo-session';

const SNAPSHOT = 'Budget as approved, February';
const CUT = 'cut-25-june';
const CUT_NAME = '25% cut, confirmed in June';

const demo = useDemoSession('headroom-history-');
const call = demo.call;

async function edit(label: string, ops: PlanEdit['ops']): Promise<void> {
  const result = await call('applyEdit', { label, ops });
  expect(result.ok).toBe(true);
}

/** The grant level of "25% cut, confirmed in June", as the Scenarios screen stores it. */
async function setCutLevel(level: number): Promise<string> {
  const index = demo.session.document.plan().scenarios!.findIndex((s) => s.id === CUT);
  const label = `${CUT_NAME}: grant level ${level * 100}%`;
  await edit(label, [{ op: 'set', path: ['scenarios', index, 'variables', 'grantLevel'], value: level }]);
  return label;
}

function takeSnapshot(name = SNAPSHOT): number {
  const taken = demo.session.document.takeSnapshot({ name, note: 'as approved by the board' });
  if (!taken.ok) throw new Error(taken.problems.map((p) => p.message).join('; '));
  return taken.snapshot.id;
}

describe('getHistory', () => {
  it('lists each stored command with its time and the snapshot it came after, and the snapshots', async () => {
    const before = Date.now();
    await edit('Rename plan', [{ op: 'set', path: ['name'], value: 'Our plan' }]);
    const id = takeSnapshot();
    const label = await setCutLevel(0.5);
    const { entries, snapshots } = await call('getHistory');
    expect(entries.map((e) => e.label)).toEqual(['Rename plan', label]);
    expect(entries.map((e) => e.afterSnapshot)).toEqual([null, { id, name: SNAPSHOT }]);
    for (const e of entries) {
      const at = Date.parse(e.storedAt!);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    expect(snapshots.map((s) => [s.id, s.name, s.note])).toEqual([[id, SNAPSHOT, 'as approved by the board']]);

    await call('undo');
    const undone = await call('getHistory');
    expect(undone.entries.map((e) => e.undone)).toEqual([false, true]);
  });

  it('is the live history while a snapshot is open, and the comparison is of the live plan', async () => {
    const id = takeSnapshot();
    const label = await setCutLevel(0.5);
    const opened = await call('openSnapshot', { id });
    expect(opened.info.readOnly).toBe(true);
    expect((await call('getHistory')).entries.map((e) => e.label)).toEqual([label]);
    const view = await call('compareWithSnapshot', { scenarioId: CUT, snapshotId: id, snapshotScenarioId: CUT });
    expect(view.changes.length).toBeGreaterThan(0);
  });
});

describe('exportHistory', () => {
  it('writes the history as CSV, every command or only those touching a stream', async () => {
    const stream = demoPlan.fundingStreams[0];
    const service = demoPlan.interventions[0];
    await edit(`${stream.name}: renamed`, [{ op: 'set', path: ['fundingStreams', 0, 'name'], value: `${stream.name} (core)` }]);
    await edit(`${service.name}: renamed`, [{ op: 'set', path: ['interventions', 0, 'name'], value: `${service.name} (pilot)` }]);

    const all = await call('exportHistory', { format: 'csv' });
    expect(all.fileName).toBe('West Midlands VRU 2021 22 cliff edge history.csv');
    expect(all.mimeType).toBe('text/csv');
    const rows = readCsv(Buffer.from(all.base64, 'base64').toString('utf8')).filter((r) => r.some((c) => c !== ''));
    const change = rows[0].indexOf('Change');
    expect(change).toBeGreaterThanOrEqual(0);
    expect(rows.slice(1).map((r) => r[change])).toEqual([`${stream.name}: renamed`, `${service.name}: renamed`]);

    const byStream = await call('exportHistory', { format: 'csv', stream: stream.id });
    const streamRows = readCsv(Buffer.from(byStream.base64, 'base64').toString('utf8')).filter((r) => r.some((c) => c !== ''));
    expect(streamRows.slice(1).map((r) => r[change])).toEqual([`${stream.name}: renamed`]);

    const byService = await call('exportHistory', { format: 'csv', intervention: service.id });
    const serviceRows = readCsv(Buffer.from(byService.base64, 'base64').toString('utf8')).filter((r) => r.some((c) => c !== ''));
    expect(serviceRows.slice(1).map((r) => r[change])).toEqual([`${service.name}: renamed`]);
  });
});

describe('compareWithSnapshot', () => {
  it('puts the snapshot first, so differences read now − snapshot, says what changed, and sends no results', async () => {
    const id = takeSnapshot();
    await setCutLevel(0.5);
    const view = await call('compareWithSnapshot', { scenarioId: CUT, snapshotId: id, snapshotScenarioId: CUT });
    expect(view.columns).toEqual([`${SNAPSHOT}: ${CUT_NAME}`, `Now: ${CUT_NAME}`]);
    expect(view.comparison.scenarios.map((s) => s.name)).toEqual(view.columns);
    expect('results' in view).toBe(false);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);

    const closures = view.comparison.totals.find((r) => r.key === 'closures')!;
    const [then, now] = closures.values as [number, number];
    expect(closures.differences[1]).toBe(now - then);
    // Half the grant instead of three quarters closes more services.
    expect(now).toBeGreaterThan(then);
    const differs = view.comparison.interventions.map((r) => r.differs);
    expect(differs[0]).toBe(true);
    expect(differs.indexOf(false) === -1 || differs.lastIndexOf(true) < differs.indexOf(false)).toBe(true);
    // The grant level shows as the amounts it gives: the Home Office grant, from → to.
    expect(view.changes.some((c) => c.kind === 'allocation' && /→/.test(c.text))).toBe(true);
  });

  it('finds nothing changed when nothing has, and pairs any two scenarios', async () => {
    const id = takeSnapshot();
    const same = await call('compareWithSnapshot', { scenarioId: 'base', snapshotId: id, snapshotScenarioId: 'base' });
    expect(same.changes).toEqual([]);
    expect(same.comparison.totals.every((r) => r.differences[1] === null || r.differences[1] === 0)).toBe(true);
    const across = await call('compareWithSnapshot', { scenarioId: CUT, snapshotId: id, snapshotScenarioId: 'base' });
    expect(across.columns[1]).toBe(`Now: ${CUT_NAME}`);
    expect(across.comparison.totals.some((r) => (r.differences[1] ?? 0) !== 0)).toBe(true);
  });

  it('names what is missing: a snapshot, or a scenario the snapshot does not have; refuses a bad id', async () => {
    const id = takeSnapshot();
    await expect(call('compareWithSnapshot', { scenarioId: 'base', snapshotId: id + 5, snapshotScenarioId: 'base' })).rejects.toThrow(
      `There is no snapshot ${id + 5} in this plan`,
    );
    await expect(call('compareWithSnapshot', { scenarioId: 'base', snapshotId: id, snapshotScenarioId: 'nope' })).rejects.toThrow(
      `no scenario "nope" in snapshot "${SNAPSHOT}"`,
    );
    await expect(call('compareWithSnapshot', { scenarioId: 'base', snapshotId: 0, snapshotScenarioId: 'base' })).rejects.toBeInstanceOf(
      PayloadError,
    );
  });
});

describe('exportSnapshotComparison', () => {
  it('writes the comparison as a workbook with its changes, and as CSV', async () => {
    const id = takeSnapshot();
    await setCutLevel(0.5);
    const args = { scenarioId: CUT, snapshotId: id, snapshotScenarioId: CUT };
    const view = await call('compareWithSnapshot', args);

    const xlsx = await call('exportSnapshotComparison', { ...args, format: 'xlsx' });
    expect(xlsx.fileName).toBe(`West Midlands VRU 2021 22 cliff edge comparison with ${SNAPSHOT}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const changes = book.worksheets.find((w) => /change/i.test(w.name));
    expect(changes).toBeDefined();
    const texts: string[] = [];
    changes!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    for (const c of view.changes) expect(texts).toContain(c.text);

    const csv = await call('exportSnapshotComparison', { ...args, format: 'csv' });
    expect(csv.fileName).toBe(`West Midlands VRU 2021 22 cliff edge comparison with ${SNAPSHOT}.csv`);
    const cells = readCsv(Buffer.from(csv.base64, 'base64').toString('utf8')).flat();
    for (const c of view.changes) expect(cells).toContain(c.text);
    expect(cells).toContain(view.columns[0]);
  });
});

describe('the outturn against a snapshot', () => {
  async function withActuals(): Promise<number> {
    const imported = await call('importPlanJson', JSON.stringify(demoWithActuals()));
    expect(imported.ok).toBe(true);
    return takeSnapshot();
  }

  /** Mentors in Violence Prevention spent £9,000 in September 2021, not £7,500. */
  async function mvpSpentMore(): Promise<void> {
    const spend = demo.session.document.plan().actuals!.spend;
    const at = spend.findIndex((s) => s.intervention === 'mvp' && s.month === '2021-09');
    await edit('Mentors in Violence Prevention: actual September 2021', [
      { op: 'set', path: ['actuals', 'spend', at, 'amount'], value: 9000 },
    ]);
  }

  it("takes its budget from the snapshot's scenario as it was, and says where it comes from", async () => {
    const id = await withActuals();
    const budget = { snapshotId: id, snapshotScenarioId: 'base' };
    const same = await call('outturnAgainstSnapshot', { scenarioId: 'base', fy: '2021/22', ...budget });
    // The snapshot held the same actuals: its forecast outturn then is the budget, so nothing varies.
    expect(same.totals.budget).toBe(same.totals.outturn);
    expect(same.totals.variance).toBe(0);
    expect(same.budgetSource).toBe(`${SNAPSHOT}: ${demo.session.document.snapshotInfo(id)!.scenarios[0].name}`);

    await mvpSpentMore();
    const moved = await call('outturnAgainstSnapshot', { scenarioId: 'base', fy: '2021/22', ...budget });
    expect(moved.totals.budget).toBe(same.totals.budget);
    expect(moved.lines.find((l) => l.id === 'mvp')!.variance).toBe(150_000);
    expect(moved.totals.variance).toBe(moved.totals.outturn - same.totals.outturn);
    // The plan as made is another budget: the same figures against it differ.
    const asPlanned = outturnReport(demo.session.document.plan(), 'base', 2021);
    expect(asPlanned.totals.outturn).toBe(moved.totals.outturn);
    expect(asPlanned.totals.budget).not.toBe(moved.totals.budget);
  });

  it('exports the outturn workbook and PDF page with the same budget', async () => {
    const id = await withActuals();
    const budget = { snapshotId: id, snapshotScenarioId: 'base' };
    const report = await call('outturnAgainstSnapshot', { scenarioId: 'base', fy: '2021/22', ...budget });

    const html = await call('exportOutturn', { scenarioId: 'base', fy: '2021/22', format: 'html', budget });
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toContain(report.budgetSource.replace(/&/g, '&amp;'));
    const plain = await call('exportOutturn', { scenarioId: 'base', fy: '2021/22', format: 'html' });
    expect(Buffer.from(plain.base64, 'base64').toString('utf8')).not.toContain(SNAPSHOT);

    const xlsx = await call('exportOutturn', { scenarioId: 'base', fy: '2021/22', format: 'xlsx', budget });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.getWorksheet('Outturn')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((t) => t.includes(report.budgetSource))).toBe(true);

    await expect(
      call('exportOutturn', { scenarioId: 'base', fy: '2021/22', format: 'xlsx', budget: { ...budget, snapshotScenarioId: 'x' } }),
    ).rejects.toThrow(`no scenario "x" in snapshot "${SNAPSHOT}"`);
  });
});

describe('the briefing with the change history as an annex', () => {
  const briefing = async (historyAnnex?: { since: number | null }) => {
    const file = await call('exportBriefing', { scenarioIds: ['base', CUT], format: 'html', ...(historyAnnex ? { historyAnnex } : {}) });
    return Buffer.from(file.base64, 'base64').toString('utf8');
  };

  it('adds a page of the changes after the snapshot chosen, or of every change; none unless asked', async () => {
    await edit('Rename plan', [{ op: 'set', path: ['name'], value: 'Our <plan>' }]);
    const id = takeSnapshot();
    const label = await setCutLevel(0.5);

    const since = await briefing({ since: id });
    expect(since).toContain('<h2>Changes to the plan</h2>');
    expect(since).toContain(label);
    expect(since).not.toContain('Rename plan');
    expect(since).toContain(`after the snapshot “${SNAPSHOT}” was taken`);

    const all = await briefing({ since: null });
    expect(all.indexOf('Rename plan')).toBeGreaterThan(all.indexOf('<h2>Changes to the plan</h2>'));
    expect(all.indexOf(label)).toBeGreaterThan(all.indexOf('Rename plan'));

    expect(await briefing()).not.toContain('Changes to the plan');
    await expect(briefing({ since: id + 3 })).rejects.toThrow(`There is no snapshot ${id + 3} in this plan`);
  });
});
