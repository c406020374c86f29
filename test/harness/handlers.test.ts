// The API's handlers over a real PlanDocument in a temp folder, called as main and the
// harness call them: through dispatch(), which parses every payload first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { API_METHODS, dispatch, PayloadError, type ApiMethod, type Handlers, type PlanEdit } from '../../shared/ipc';
import type { Plan } from '../../shared/plan';
import { createHandlers, fileNameFor, NO_PDF_PRINTER_MESSAGE } from '../../electron/handlers';
import { escapeHtml } from '../../electron/export/briefing';
import { keyMessages } from '../../shared/briefing-messages';
import { simulateScenarios } from '../../shared/scenario-set';
import { DEMO_FILE_NAME, openInitialDocument, WINDOW_STATE_FILE, type DocumentSession } from '../../electron/session';
import { PlanDocument } from '../../electron/store/plan-document';

let dataDir: string;
let session: DocumentSession;
let handlers: Handlers;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-handlers-'));
  session = await openInitialDocument(dataDir);
  handlers = createHandlers(session, 'browser');
});

afterEach(() => {
  session.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = <K extends ApiMethod>(method: K, ...args: unknown[]) => dispatch(handlers, method, args);
const rename = (name: string): PlanEdit => ({ label: 'Rename plan', ops: [{ op: 'set', path: ['name'], value: name }] });

describe('openInitialDocument', () => {
  it('creates the demo plan in the data folder on a first run', async () => {
    const { info, plan } = await handlers.getPlan();
    expect(plan).toEqual(demoPlan);
    expect(info.fileName).toBe(DEMO_FILE_NAME);
    expect(fs.realpathSync(info.path)).toBe(fs.realpathSync(path.join(dataDir, DEMO_FILE_NAME)));
  });

  it('reopens the demo copy with its edits instead of recreating it', async () => {
    await handlers.applyEdit(rename('Our plan'));
    session.close();
    session = await openInitialDocument(dataDir);
    expect(session.document.plan().name).toBe('Our plan');
  });

  it('never overwrites an existing file where the demo would go', async () => {
    session.close();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-handlers-'));
    try {
      const mine = { ...(demoPlan as unknown as Plan), name: 'Already here' };
      PlanDocument.create(path.join(other, DEMO_FILE_NAME), mine).close();
      session = await openInitialDocument(other);
      expect(session.document.plan().name).toBe('Already here');
    } finally {
      session.close();
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('opens the document used last, and the demo when that has gone', async () => {
    const last = path.join(dataDir, 'Last.headroom');
    PlanDocument.create(last, { ...(demoPlan as unknown as Plan), name: 'Used last' }).close();
    const state = {
      version: 1,
      documents: {
        [path.join(dataDir, 'Gone.headroom')]: { x: 0, y: 0, width: 800, height: 600 },
        [last]: { x: 0, y: 0, width: 800, height: 600 },
      },
    };
    fs.writeFileSync(path.join(dataDir, WINDOW_STATE_FILE), JSON.stringify(state));
    session.close();
    session = await openInitialDocument(dataDir);
    expect(session.document.plan().name).toBe('Used last');

    session.close();
    fs.rmSync(last);
    session = await openInitialDocument(dataDir);
    expect(session.document.plan().name).toBe(demoPlan.name);
  });
});

describe('DocumentSession', () => {
  it('switches to another document, and keeps the current one when that fails', async () => {
    const other = path.join(dataDir, 'Other.headroom');
    PlanDocument.create(other, { ...(demoPlan as unknown as Plan), name: 'Other plan' }).close();
    await expect(session.open(path.join(dataDir, 'Missing.headroom'))).rejects.toMatchObject({ kind: 'not-found' });
    expect((await handlers.getPlan()).plan.name).toBe(demoPlan.name);
    await session.open(other);
    expect((await handlers.getPlan()).plan.name).toBe('Other plan');
    // The demo's file was released: it opens again without "open elsewhere".
    await session.open(path.join(dataDir, DEMO_FILE_NAME));
    expect((await handlers.getPlan()).plan.name).toBe(demoPlan.name);
  });

  it('refuses calls once closed', () => {
    session.close();
    expect(() => handlers.getPlan()).toThrow('No plan is open');
  });
});

describe('handlers', () => {
  it('implement every method of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
  });

  it('getAppInfo names the version and the shell', async () => {
    expect(await call('getAppInfo')).toEqual({ version, shell: 'browser' });
  });

  it('applyEdit stores a valid edit, and undo and redo step through it', async () => {
    const before = await handlers.getPlan();
    const edited = await call('applyEdit', rename('Renamed'));
    expect(edited).toMatchObject({ ok: true, snapshot: { plan: { name: 'Renamed' }, info: { undoLabel: 'Rename plan' } } });
    expect((await call('getPlan')).plan.name).toBe('Renamed');

    const undone = await call('undo');
    expect(undone.plan).toEqual(before.plan);
    expect(undone.info.redoLabel).toBe('Rename plan');
    const redone = await call('redo');
    expect(redone.plan.name).toBe('Renamed');
  });

  it('applyEdit refuses an edit that makes the plan invalid and leaves the plan as it was', async () => {
    const before = await handlers.getPlan();
    const result = await call('applyEdit', { label: 'Break horizon', ops: [{ op: 'set', path: ['horizon', 'months'], value: 0 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('horizon.months');
    expect(await handlers.getPlan()).toEqual(before);
  });

  it('importPlanJson refuses text that is not JSON, with the problem on the file', async () => {
    const before = await handlers.getPlan();
    const result = await call('importPlanJson', '{"format": "headroom-plan",');
    expect(result).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/^is not valid JSON: /) }] });
    expect(await handlers.getPlan()).toEqual(before);
  });

  it('importPlanJson refuses an invalid plan whole and leaves the plan as it was', async () => {
    const before = await handlers.getPlan();
    const result = await call('importPlanJson', JSON.stringify({ ...demoPlan, version: 2 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'version', message: expect.stringContaining('newer version') });
    expect(await handlers.getPlan()).toEqual(before);
  });

  it('importPlanJson replaces the plan as one undoable change', async () => {
    const result = await call('importPlanJson', JSON.stringify({ ...demoPlan, name: 'Imported' }));
    expect(result).toMatchObject({ ok: true, snapshot: { plan: { name: 'Imported' } } });
    expect((await call('undo')).plan).toEqual(demoPlan);
  });

  it('exportPlanJson round-trips through importPlanJson', async () => {
    await call('applyEdit', rename('Round trip'));
    const text = await call('exportPlanJson');
    const { plan } = await handlers.getPlan();
    expect(JSON.parse(text)).toEqual(plan);
    const reimported = await call('importPlanJson', text);
    expect(reimported).toMatchObject({ ok: true, snapshot: { plan } });
  });

  it('exportComparison writes the chosen scenarios as CSV', async () => {
    const file = await call('exportComparison', { format: 'csv', scenarioIds: ['base', 'no-grant'] });
    expect(file.fileName).toBe(fileNameFor(demoPlan.name, ' comparison.csv'));
    expect(file.fileName).not.toMatch(/[/\\:]/);
    expect(file.mimeType).toBe('text/csv');
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('Section,FY,Item,Base,No grant after March 2021,No grant after March 2021 − Base');
    expect(rows.filter((row) => row.startsWith('Outcome,')).length).toBe(demoPlan.interventions.length);
  });

  it('exportComparison refuses a scenario the plan does not have', async () => {
    await expect(call('exportComparison', { format: 'csv', scenarioIds: ['base', 'nope'] })).rejects.toThrow(
      /^no scenario "nope" in the plan/,
    );
  });

  it('exportComparison writes the chosen scenarios as an XLSX workbook', async () => {
    const file = await call('exportComparison', { format: 'xlsx', scenarioIds: ['base', 'flat-june'] });
    expect(file.fileName).toBe(fileNameFor(demoPlan.name, ' comparison.xlsx'));
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(file.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });
});

describe('exportBriefing', () => {
  const IDS = ['base', 'cut-25-june'];

  it('writes the briefing as HTML: the plan name escaped, the key messages, no script', async () => {
    await handlers.applyEdit(rename('VRU <script>alert("x")</script> & partners'));
    const file = await call('exportBriefing', { scenarioIds: IDS, format: 'html' });
    expect(file.fileName).toBe('VRU script alert( x ) script & partners briefing.html');
    expect(file.mimeType).toBe('text/html');
    const html = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<h1>${escapeHtml('VRU <script>alert("x")</script> & partners')}</h1>`);
    expect(html).toContain('VRU &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; partners');
    expect(html).not.toMatch(/<script/i);
    const messages = keyMessages(simulateScenarios(session.document.plan(), IDS));
    expect(messages.length).toBeGreaterThanOrEqual(IDS.length);
    for (const m of messages) expect(html).toContain(escapeHtml(m.text));
  });

  it('prints the same HTML to PDF through the printer it was given', async () => {
    const printed: string[] = [];
    handlers = createHandlers(session, 'electron', async (html) => {
      printed.push(html);
      return Buffer.from('%PDF-1.7 fake');
    });
    const file = await call('exportBriefing', { scenarioIds: IDS, format: 'pdf' });
    expect(file).toEqual({
      fileName: fileNameFor(demoPlan.name, ' briefing.pdf'),
      mimeType: 'application/pdf',
      base64: Buffer.from('%PDF-1.7 fake').toString('base64'),
    });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(`<h1>${escapeHtml(demoPlan.name)}</h1>`);
    const html = await call('exportBriefing', { scenarioIds: IDS, format: 'html' });
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toBe(printed[0]);
  });

  it('says plainly that PDF needs Chromium or Electron when there is no printer', async () => {
    await expect(call('exportBriefing', { scenarioIds: IDS, format: 'pdf' })).rejects.toThrow(NO_PDF_PRINTER_MESSAGE);
    expect(NO_PDF_PRINTER_MESSAGE).toBe(
      'Printing to PDF needs Chromium or Electron; download the HTML briefing and print it from a browser',
    );
  });

  it('refuses a scenario the plan does not have before printing anything', async () => {
    let printed = 0;
    handlers = createHandlers(session, 'electron', async () => {
      printed++;
      return Buffer.from('%PDF');
    });
    await expect(call('exportBriefing', { scenarioIds: ['base', 'nope'], format: 'pdf' })).rejects.toThrow(
      /^no scenario "nope" in the plan/,
    );
    expect(printed).toBe(0);
  });

  it.each([
    ['an unknown format', [{ scenarioIds: IDS, format: 'docx' }], /^Refused exportBriefing: 0\.format: /],
    ['no scenarios', [{ scenarioIds: [], format: 'html' }], /^Refused exportBriefing: 0\.scenarioIds: /],
    ['five scenarios', [{ scenarioIds: ['a', 'b', 'c', 'd', 'e'], format: 'html' }], /^Refused exportBriefing: 0\.scenarioIds: /],
    ['an extra field', [{ scenarioIds: IDS, format: 'html', path: '/etc/passwd' }], /^Refused exportBriefing: /],
  ])('refuses %s', async (_what, args, message) => {
    await expect(dispatch(handlers, 'exportBriefing', args)).rejects.toThrow(message);
  });
});

describe('dispatch refuses malformed payloads with a clear PayloadError', () => {
  it.each([
    ['an unknown method', 'dropTables', [], /^Refused: unknown method "dropTables"$/],
    ['a prototype key as method', '__proto__', [], /unknown method/],
    ['arguments that are not a list', 'getPlan', { 0: 1 }, /^Refused getPlan: arguments: /],
    ['extra arguments', 'undo', [1], /^Refused undo: /],
    ['an edit without ops', 'applyEdit', [{ label: 'x', ops: [] }], /^Refused applyEdit: 0\.ops: /],
    [
      'an edit with an unknown field',
      'applyEdit',
      [{ label: 'x', ops: [{ op: 'set', path: ['name'], value: 'y' }], sql: 'DROP' }],
      /^Refused applyEdit: /,
    ],
    [
      'an edit reaching __proto__',
      'applyEdit',
      [{ label: 'x', ops: [{ op: 'set', path: ['__proto__', 'polluted'], value: 1 }] }],
      /is not a field of a plan/,
    ],
    ['plan JSON that is not text', 'importPlanJson', [{ format: 'headroom-plan' }], /^Refused importPlanJson: 0: /],
    ['an unknown export format', 'exportComparison', [{ format: 'pdf', scenarioIds: ['base'] }], /^Refused exportComparison: 0\.format: /],
    [
      'too many scenarios',
      'exportComparison',
      [{ format: 'csv', scenarioIds: ['a', 'b', 'c', 'd', 'e'] }],
      /^Refused exportComparison: 0\.scenarioIds: /,
    ],
  ])('%s', async (_what, method, args, message) => {
    const before = session.document.info().revision;
    const attempt = dispatch(handlers, method as never, args);
    await expect(attempt).rejects.toBeInstanceOf(PayloadError);
    await expect(attempt).rejects.toThrow(message);
    expect(session.document.info().revision).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fileNameFor', () => {
  it.each([
    ['West Midlands VRU: 2021/22 cliff edge', 'West Midlands VRU 2021 22 cliff edge.csv'],
    ['../../etc/passwd', 'etc passwd.csv'],
    ['..', 'Plan.csv'],
    ['a\u0000b\nc', 'a b c.csv'],
    ['CON', 'CON (plan).csv'],
    ['nul.backup', 'nul.backup (plan).csv'],
    ['Com1 ', 'Com1 (plan).csv'],
    ['Console', 'Console.csv'],
  ])('%j → %j', (name, expected) => {
    expect(fileNameFor(name, '.csv')).toBe(expected);
  });
});
