// Where the plan store opens plan files (reliability.md: hostile plan files). The bans on file
// copies, unsafe mode, awaiting inside a transaction and Electron in the store are eslint rules
// (build/eslint.config.mjs), checked to fire in test/build/lint-rules.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f) && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f));
}

/** Source without comments, so that a comment can neither break nor satisfy a rule. */
const code = (file: string) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('source rules', () => {
  const store = sourceFiles(path.join('electron', 'store'));

  it('finds the files it checks', () => {
    expect(store).toContain(path.join('electron', 'store', 'plan-document.ts'));
  });

  it('opens plan files only in plan-document.ts and the repair in integrity.ts, with fileMustExist', () => {
    const opens = store.filter((f) => /new\s+Database\s*\(/.test(code(f)));
    expect(opens).toEqual([path.join('electron', 'store', 'integrity.ts'), path.join('electron', 'store', 'plan-document.ts')]);
    for (const file of opens) {
      const fileOpens = code(file).match(/new\s+Database\s*\(\s*(file|key)\b[^)]*\)/g) ?? [];
      expect(fileOpens.length).toBeGreaterThan(0);
      for (const call of fileOpens) expect(call).toMatch(/fileMustExist: true/);
    }
  });
});
