// Entry point bundled to out/cli/headroom.cjs (the package's `bin`).
import { runCli } from './main';

const io = {
  out: (text: string) => process.stdout.write(text + '\n'),
  err: (text: string) => process.stderr.write(text + '\n'),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`headroom: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
