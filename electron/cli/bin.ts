// Entry point bundled to out/cli/headroom.cjs (the package's `bin`).
import { runCli } from './main';
import { terminalSafe } from './terminal';

// A reader that stops early (`headroom simulate plan.json | head`) closes the pipe: stop
// quietly, as other command-line tools do, rather than print a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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
