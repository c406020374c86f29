// `npm run web`: serves the built renderer and the plan store on 127.0.0.1 for a browser.
// Bundled by build/scripts/web.mjs into out/harness/cli.cjs, next to out/renderer.
//
// Plans live in ~/.headroom-harness by default, not under the temp folder: /tmp is shared
// by every user of the machine (someone else could plant a plan there first) and is
// emptied on reboot, which would lose edits without a word.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness } from './server';

const DEFAULT_DATA_DIR = path.join(os.homedir(), '.headroom-harness');

const USAGE = `Usage: npm run web -- [--data DIR] [--port N]

  --data DIR   folder for plan files (default: ${DEFAULT_DATA_DIR})
  --port N     port on 127.0.0.1 (default: any free port)`;

class UsageError extends Error {}

interface CliOptions {
  dataDir: string;
  port: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { dataDir: DEFAULT_DATA_DIR, port: 0, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (name === '--help' || name === '-h') options.help = true;
    else if (name === '--data') options.dataDir = path.resolve(value());
    else if (name === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port ${text} is not a port number (0-65535)`);
      options.port = port;
    } else throw new UsageError(`Unknown option ${arg}`);
  }
  return options;
}

function friendly(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use: choose another with --port, or leave it out to use any free port.`;
  if (code === 'EACCES') return `Not allowed to use port ${port}: choose another with --port.`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(
      `The renderer is not built (${path.join(rendererDir, 'index.html')} is missing): run "npm run web", which builds it first.`,
    );
    process.exitCode = 1;
    return;
  }
  try {
    const harness = await startHarness({ dataDir: options.dataDir, rendererDir, port: options.port });
    console.log(`Headroom is running at ${harness.url}`);
    console.log(`Plans are kept in ${options.dataDir}`);
    console.log('Press Ctrl+C to stop.');
    const stop = () => void harness.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`Headroom could not start: ${friendly(error, options.port)}`);
    process.exitCode = 1;
  }
}

void main();
