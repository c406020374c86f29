// Grep-style rules on the source (reliability.md: hostile plan files; one transaction per command; backups): no file copies of plan files, no
// unsafe mode, no async work inside a transaction, and no Electron in the plan store.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f) && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f));
}

/** Source without comments, so that a comment can neither break nor satisfy a rule. */
const code = (file: string) =>
  fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

const offenders = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(code(f)));

describe('source rules', () => {
  const electron = sourceFiles('electron');
  const store = sourceFiles(path.join('electron', 'store'));

  it('finds the files it checks', () => {
    expect(store).toContain(path.join('electron', 'store', 'plan-document.ts'));
  });

  it('never copies a file under electron/ with fs.copyFile (plan files are copied by the backup API)', () => {
    expect(offenders(electron, /\bcopyFile(Sync)?\b|\bcp(Sync)?\s*\(/)).toEqual([]);
  });

  it('never turns off better-sqlite3\'s defensive mode', () => {
    expect(offenders([...electron, ...sourceFiles('shared')], /\bunsafeMode\b/)).toEqual([]);
  });

  it('never awaits inside a transaction', () => {
    expect(offenders(electron, /\.transaction\(\s*async\b/)).toEqual([]);
    expect(offenders(electron, /\.transaction\(\s*(function\s*)?\([^)]*\)\s*(=>)?\s*\{[^}]*\bawait\b/)).toEqual([]);
  });

  it('keeps Electron out of the plan store (the CLI and the harness use it from plain Node)', () => {
    expect(offenders(store, /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/)).toEqual([]);
  });

  it('opens plan files only in plan-document.ts, with fileMustExist', () => {
    const opens = store.filter((f) => /new\s+Database\s*\(/.test(code(f)));
    expect(opens).toEqual([path.join('electron', 'store', 'plan-document.ts')]);
    const fileOpens = code(opens[0]).match(/new\s+Database\s*\(\s*(file|key)\b[^)]*\)/g) ?? [];
    expect(fileOpens.length).toBeGreaterThan(0);
    for (const call of fileOpens) expect(call).toMatch(/fileMustExist: true/);
  });
});
