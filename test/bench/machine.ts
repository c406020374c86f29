// The environment a bench run is recorded with: the machine, the commit, HyperFormula's version.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './options';

export function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: { model: cpus[0]?.model ?? 'unknown', count: cpus.length, availableParallelism: os.availableParallelism() },
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    v8: process.versions.v8,
  };
}

export function hyperformulaVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/hyperformula/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
