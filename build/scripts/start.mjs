// `npm start`: the desktop app when Electron's binary is installed, else the browser harness.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWeb } from './web.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The binary's path, or null. require('electron') returns it when installed; otherwise it
 * tries to download it and throws, printing a stack trace, so it runs in a quiet child.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 10 * 60_000,
  });
  const binary = probe.status === 0 ? probe.stdout.split('\n').pop()?.trim() : undefined;
  return binary && fs.existsSync(binary) ? binary : null;
}

async function startElectron(binary) {
  console.log('Building Headroom…');
  const { build } = await import('electron-vite');
  await build({ configFile: path.join(root, 'build/electron.vite.config.ts'), logLevel: 'warn' });
  const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  child.on('error', (error) => {
    console.error(`Electron could not start: ${error.message}`);
    process.exit(1);
  });
}

const binary = electronBinary();
if (binary) {
  try {
    await startElectron(binary);
  } catch (error) {
    console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  console.log("Electron's binary is not installed here; starting the browser harness instead");
  await runWeb();
}
