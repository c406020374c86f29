// The command line under careless and hostile input: files it must not overwrite, names
// that would drive the terminal, special files and encodings, repeated keys. Each ends with
// a plain message naming what and where, and nothing already there is lost.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDialogOptions } from '../../electron/dialogs';
import { looksLike } from '../../electron/cli/output-file';
import { terminalSafe } from '../../electron/cli/terminal';
import { WORKED_EXAMPLE_PATH, workedExample } from '../fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

function headroom(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'out/cli/headroom.cjs'), ...args], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs')], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'headroom-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compare = ['compare', WORKED_EXAMPLE_PATH, '--scenario', 'base', '--scenario', 'prudent'];

describe('output files', () => {
  it.each([
    ['--xlsx', 'out.xlsx', compare],
    ['--csv-out', 'out.csv', compare],
    ['--html', 'out.html', ['report', WORKED_EXAMPLE_PATH, '--scenario', 'base']],
  ])('refuses to replace an existing %s file without --force', (option, name, command) => {
    const target = join(dir, `exists-${name}`);
    writeFileSync(target, 'precious');
    const { code, err } = headroom(...command, option, target);
    expect(code).toBe(1);
    expect(err).toContain(`${target} already exists; give --force to replace it (nothing was written)`);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('replaces a file of the same kind with --force, and never a file of another kind', () => {
    const csv = join(dir, 'again.csv');
    expect(headroom(...compare, '--csv-out', csv).code).toBe(0);
    expect(headroom(...compare, '--csv-out', csv, '--force').code).toBe(0);
    const plan = join(dir, 'plan.pdf');
    writeFileSync(plan, readFileSync(WORKED_EXAMPLE_PATH));
    const { code, err } = headroom('report', WORKED_EXAMPLE_PATH, '--scenario', 'base', '--pdf', plan, '--force');
    expect(code).toBe(1);
    expect(err).toContain('is not a PDF, so it was not replaced, even with --force');
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync(WORKED_EXAMPLE_PATH, 'utf8'));
  });

  it('refuses import-sheet --out over an existing plan, and a folder as an output', () => {
    const out = join(dir, 'new.json');
    writeFileSync(out, '{"keep": true}');
    const sheet = join(dir, 'sheet.csv');
    writeFileSync(sheet, 'Name,Annual cost,Category\nYouth outreach,1000,commissioned\n');
    const refused = headroom('import-sheet', sheet, WORKED_EXAMPLE_PATH, '--out', out);
    expect(refused.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('{"keep": true}');
    const folder = headroom(...compare, '--xlsx', join(dir, 'a-folder.xlsx'));
    expect(folder.code).toBe(0);
    rmSync(join(dir, 'a-folder.xlsx'));
    execFileSync('mkdir', [join(dir, 'a-folder.xlsx')]);
    expect(headroom(...compare, '--xlsx', join(dir, 'a-folder.xlsx'), '--force').err).toContain('is a folder; give a file name');
  });

  it('tells each kind of file by its first bytes', () => {
    expect(looksLike('xlsx', Buffer.from('PK\x03\x04rest', 'latin1'))).toBe(true);
    expect(looksLike('pdf', Buffer.from('%PDF-1.7'))).toBe(true);
    expect(looksLike('html', Buffer.from('<!doctype html><html>'))).toBe(true);
    expect(looksLike('csv', Buffer.from('{"format": "headroom-plan"}'))).toBe(false);
    expect(looksLike('json', Buffer.from('\uFEFF{"a": 1}'))).toBe(true);
  });

  it('asks before replacing a file in every save dialog of the app', () => {
    expect(saveDialogOptions('Save plan as', 'x.headroom', { name: 'Headroom plan', extensions: ['headroom'] }).properties).toContain(
      'showOverwriteConfirmation',
    );
  });
});

describe('terminal escapes', () => {
  it('shows control characters in plan names as visible escapes, and keeps JSON exact', () => {
    const plan = workedExample();
    plan.name = 'Evil\u001b]0;pwned\u0007\u001b[2J';
    plan.interventions[0].name = 'A\u009b31m\u202eB';
    const file = join(dir, 'escape.json');
    writeFileSync(file, JSON.stringify(plan));
    const table = headroom('simulate', file);
    expect(table.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(table.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(table.out).toContain('Evil\\u001b]0;pwned\\u0007\\u001b[2J');
    const json = headroom('simulate', file, '--json');
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(json.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json.out).plan).toBe(plan.name);
    expect(headroom('validate', join(dir, 'no\u001b[2Jsuch.json')).err).toContain('no\\u001b[2Jsuch.json');
  });

  it('keeps CSV line endings', () => {
    expect(terminalSafe('a,b\r\nc,d\r\n')).toBe('a,b\r\nc,d\r\n');
    expect(terminalSafe('over\rwrite')).toBe('over\\u000dwrite');
  });
});

describe('special files, encodings and repeated keys', () => {
  it.each([
    ['/dev/zero', 'is not a regular file (a device or a pipe), so it was not read'],
    ['/tmp', 'is a folder, not a plan file'],
  ])('refuses %s plainly', (file, message) => {
    const { code, err } = headroom('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = headroom('validate', fifo);
    expect(code).toBe(1);
    expect(err).toContain('is not a regular file');
  });

  it('names an empty or non-SQLite .headroom document for what it is', () => {
    writeFileSync(join(dir, 'empty.headroom'), '');
    writeFileSync(join(dir, 'text.headroom'), 'not a database');
    expect(headroom('simulate', join(dir, 'empty.headroom')).err).toContain('"empty.headroom" is empty: it holds no plan');
    expect(headroom('simulate', join(dir, 'text.headroom')).err).toContain('"text.headroom" is not a Headroom plan');
  });

  it('accepts a UTF-8 byte order mark and names UTF-16', () => {
    const text = readFileSync(WORKED_EXAMPLE_PATH, 'utf8');
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${text}`);
    expect(headroom('validate', join(dir, 'bom.json')).code).toBe(0);
    writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(headroom('validate', join(dir, 'utf16.json')).err).toContain('is saved as UTF-16 text; save it as UTF-8');
  });

  it('refuses a key given twice in one object, at its place', () => {
    const text = readFileSync(WORKED_EXAMPLE_PATH, 'utf8').replace('"amount": 60000', '"amount": 60000, "amount": 90000');
    writeFileSync(join(dir, 'twice.json'), text);
    const { code, out } = headroom('validate', join(dir, 'twice.json'));
    expect(code).toBe(1);
    expect(out).toContain('fundingStreams[0].allocations[1].amount: "amount" is given twice in the same object; say it once');
  });

  it('refuses reserved and object-property names for uncertain variables', () => {
    const plan = workedExample() as any;
    plan.scenarios[0].uncertainty = [
      { variable: 'fy', dist: 'uniform', min: 0, max: 1 },
      { variable: '__proto__', dist: 'bernoulli', p: 0.5 },
    ];
    writeFileSync(join(dir, 'uncertain.json'), JSON.stringify(plan));
    const { code, out } = headroom('validate', join(dir, 'uncertain.json'));
    expect(code).toBe(1);
    expect(out).toContain('scenarios[0].uncertainty[0].variable: "fy" is reserved in formulas and cannot be a variable name');
    expect(out).toContain('scenarios[0].uncertainty[1].variable: "__proto__" is reserved in formulas and cannot be a variable name');
  });
});
