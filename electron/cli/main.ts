// `npx headroom`: the command line over the same core as the app. Bad files and bad
// arguments end with a plain message and exit 1, never a stack trace.
import { type Command, InputError, type Io, parseCommandArgs, UsageError } from './command';
import { commands } from './registry';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Headroom: plan for funding cliff edges.',
    '',
    'Usage: headroom COMMAND [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "headroom COMMAND --help" for a command\'s options.',
  ].join('\n');
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 1;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`headroom: unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}`);
    return 0;
  }
  try {
    const { positionals, values } = parseCommandArgs(command, rest);
    return await command.run(positionals, values as Record<string, unknown>, io);
  } catch (error) {
    if (error instanceof UsageError) io.err(`headroom ${name}: ${error.message}\nUsage: ${command.usage}`);
    else if (error instanceof InputError) io.err(`headroom ${name}: ${error.message}`);
    else io.err(`headroom ${name}: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.HEADROOM_DEBUG && error instanceof Error) io.err(error.stack ?? '');
    return 1;
  }
}
