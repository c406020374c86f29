// What a person was looking at in a document, kept beside it (not in the plan): the screen,
// the scenario in view, Compare's ticks, the headline FY they picked, the Risk screen's
// scenario and its last results. The app's settings hold one per document
// (electron/view-state-file.ts); a document never looked at has none.
import { z } from 'zod';

export const VIEW_SCREENS = [
  'overview',
  'funding',
  'interventions',
  'scenarios',
  'results',
  'outturn',
  'compare',
  'risk',
  'plan',
  'snapshots',
  'history',
] as const;

const Name = z.string().max(100);
const Summary = z.looseObject({ mean: z.number(), p10: z.number(), p50: z.number(), p90: z.number() });

/** A completed risk run as the Risk screen keeps it (renderer/store/analysis-slice.ts CompletedRisk). */
const CompletedRiskSchema = z.looseObject({
  scenarioId: Name,
  draws: z.number().int().min(1),
  seed: z.number().int(),
  revision: z.number().int().min(0),
  workers: z.number().int().min(0),
  ms: z.number().min(0),
  summary: z.looseObject({
    draws: z.number(),
    seed: z.number(),
    interventions: z.array(z.looseObject({ id: Name, pClose: z.number(), pTransition: z.number() })).max(10_000),
    drawn: Summary,
    usersLosingSupport: Summary,
    atRisk: Summary,
    atRiskByYear: z.array(z.looseObject({ fy: z.number().int(), atRisk: Summary })).max(40),
  }),
  interventions: z.array(z.looseObject({ id: Name, name: z.string().max(500), pClose: z.number(), pTransition: z.number() })).max(10_000),
  people: z
    .array(z.looseObject({ from: z.number(), to: z.number(), label: z.string().max(50), draws: z.number(), share: z.number() }))
    .max(200),
  fan: z.array(z.looseObject({ month: z.number().int(), p10: z.number(), p50: z.number(), p90: z.number() })).max(240),
});

export const ViewStateSchema = z.strictObject({
  screen: z.enum(VIEW_SCREENS),
  scenarioId: Name,
  compareIds: z.array(Name).max(4),
  /** The FY picked for headlines; null follows the next cliff edge. */
  headlineFy: z.number().int().min(1900).max(2300).nullable(),
  riskScenarioId: Name.nullable(),
  /** The last completed risk run of each scenario, by scenario id. */
  risk: z.record(Name, CompletedRiskSchema).refine((r) => Object.keys(r).length <= 50, { error: 'keeps at most 50 risk runs' }),
});

export type ViewState = z.infer<typeof ViewStateSchema>;
