// Entry point bundled to out/cli/headroom.cjs (the package's `bin`).
import { runCli } from './main';
import { terminalSafe } from './terminal';

const io = {
  out: (text: string) => process.stdout.write(`${terminalSafe(text)}\n`),
  err: (text: string) => process.stderr.write(`${terminalSafe(text)}\n`),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`headroom: ${terminalSafe((error as Error)?.message ?? String(error))}\n`);
    process.exitCode = 1;
  },
);
