// Small plans for tests: every number a reader can check by hand.
import { readFileSync } from 'node:fs';
import { simulate, type SimulationResult } from '../../shared/engine';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';

export { DEMO_PLAN_PATH, WORKED_EXAMPLE_PATH } from '../fixtures';

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function plan(overrides: Record<string, unknown> = {}): any {
  return {
    format: 'headroom-plan',
    version: 1,
    name: 'Test plan',
    horizon: { start: '2021-04', months: 24 },
    fundingStreams: [],
    interventions: [],
    ...overrides,
  };
}

export function stream(id: string, allocations: unknown[], extra: Record<string, unknown> = {}) {
  return { id, name: id, funder: 'Funder', kind: 'grant', allocations, ...extra };
}

export function intervention(id: string, annualCost: unknown, priority: number, extra: Record<string, unknown> = {}) {
  return { id, name: `Service ${id}`, category: 'commissioned', annualCost, priority, ...extra };
}

/** Simulates every scenario of a plan that must be valid; keyed by scenario id. */
export function run(input: unknown): Record<string, SimulationResult> {
  const validation = validatePlan(input);
  if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join('\n'));
  return Object.fromEntries(validation.scenarios.map((s) => [s.id, simulate(s)]));
}

/** The problems of an invalid plan, formatted as the CLI prints them. */
export function problems(input: unknown): string[] {
  const validation = validatePlan(input);
  if (validation.ok) throw new Error('expected the plan to be invalid');
  return validation.problems.map(formatProblem);
}

export const pounds = (value: number) => Math.round(value * 100);
