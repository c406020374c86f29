// validate and simulate (plan-format.md §7); compare is in exports.ts, with its file outputs.
import { simulate } from '../../../shared/engine';
import { jsonText } from '../../../shared/json-text';
import { simulationJson } from '../../../shared/result-json';
import { type Command, InvalidPlanError, requireCount } from '../command';
import { loadPlanAsync, pickScenarios } from '../load-plan';
import { simulationText } from '../report-text';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a plan file; list every problem with its place in the file',
  usage: 'headroom validate PLAN.json',
  options: {},
  async run(positionals, _values, io) {
    requireCount(positionals, 1, 1, 'the plan file');
    let loaded;
    try {
      loaded = await loadPlanAsync(positionals[0]);
    } catch (error) {
      if (!(error instanceof InvalidPlanError)) throw error;
      // The problems are the command's output: one a line, each starting with its place.
      io.out(error.lines.join('\n'));
      io.err(`${error.file}: ${error.lines.length} problem${error.lines.length === 1 ? '' : 's'}; nothing was changed.`);
      return 1;
    }
    const { plan, scenarios } = loaded;
    const streams = plan.fundingStreams.length;
    io.out(
      `${positionals[0]}: valid plan "${plan.name}": ${plan.interventions.length} interventions, ${streams} funding stream${streams === 1 ? '' : 's'}, ` +
        `${scenarios.length} scenarios (base and ${scenarios.length - 1} more) over ${plan.horizon.months} months from ${plan.horizon.start}`,
    );
    return 0;
  },
};

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate base and every scenario (or those named)',
  usage: 'headroom simulate PLAN.json [--scenario ID ...] [--json]',
  options: { scenario: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the plan file');
    const loaded = await loadPlanAsync(positionals[0]);
    const results = pickScenarios(loaded, values.scenario as string[] | undefined).map(simulate);
    if (values.json) io.out(jsonText(simulationJson(loaded.plan.name, results)));
    // A scenario at a time: one string for every table of a very large plan would exceed what a string can hold.
    else results.forEach((r, i) => io.out(`${i > 0 ? '\n\n' : ''}${simulationText(loaded.plan.name, r)}`));
    return 0;
  },
};
