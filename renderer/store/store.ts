// One zustand store made of typed slices (zustand docs, "Slices pattern"). The slices hold
// state and plain setters only; everything that awaits the API lives in actions.ts.
import { create, type StateCreator } from 'zustand';
import type { PlanSnapshot } from '../../shared/ipc';
import type { PlanEdit } from '../../shared/edits';
import type { FyYear, MonthIndex } from '../../shared/months';
import type { PlanProblem } from '../../shared/resolve';
import type { VIEW_SCREENS } from '../../shared/view-state';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice';
import { createResultsSlice, type ResultsSlice } from './results-slice';

export type { SimFailure } from './results-slice';

export type Screen = (typeof VIEW_SCREENS)[number];

export interface DocumentSlice {
  snapshot: PlanSnapshot | null;
  loadError: string | null;
  /** The edit on its way to the store, if any. */
  pending: PlanEdit | null;
  /** Problems of the last edit the validator refused; each field shows those at its path. */
  problems: readonly PlanProblem[];
  problemsLabel: string | null;
  setSnapshot: (snapshot: PlanSnapshot) => void;
  setLoadError: (message: string | null) => void;
  setPending: (edit: PlanEdit | null) => void;
  setProblems: (problems: readonly PlanProblem[], label?: string | null) => void;
}

export interface ViewSlice {
  screen: Screen;
  /** The scenario shown by Overview and Results ('base' is the plan itself). */
  scenarioId: string;
  /** The scenario being edited on the Scenarios screen. */
  editingScenarioId: string | null;
  /** 2 to 4 scenarios side by side on Compare. */
  compareIds: readonly string[];
  /** "As at" month for upcoming decisions; null means the horizon's first month. */
  asAt: MonthIndex | null;
  lookAheadMonths: number;
  selectedInterventionId: string | null;
  /** The FY headlines are about, as the person picked it; null: the next cliff edge (shared/cliff-edge.ts). */
  headlineFy: FyYear | null;
  setScreen: (screen: Screen) => void;
  setScenarioId: (id: string) => void;
  setEditingScenarioId: (id: string | null) => void;
  setCompareIds: (ids: readonly string[]) => void;
  setAsAt: (month: MonthIndex | null) => void;
  setLookAheadMonths: (months: number) => void;
  selectIntervention: (id: string | null) => void;
  setHeadlineFy: (fy: FyYear | null) => void;
}

export type Store = DocumentSlice & ViewSlice & ResultsSlice & AnalysisSlice;
type Slice<T> = StateCreator<Store, [], [], T>;

const createDocumentSlice: Slice<DocumentSlice> = (set) => ({
  snapshot: null,
  loadError: null,
  pending: null,
  problems: [],
  problemsLabel: null,
  setSnapshot: (snapshot) => set({ snapshot, loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
  setPending: (pending) => set({ pending }),
  setProblems: (problems, problemsLabel = null) => set({ problems, problemsLabel }),
});

const createViewSlice: Slice<ViewSlice> = (set) => ({
  screen: 'overview',
  scenarioId: 'base',
  editingScenarioId: null,
  compareIds: [],
  asAt: null,
  lookAheadMonths: 6,
  selectedInterventionId: null,
  headlineFy: null,
  setScreen: (screen) => set({ screen }),
  setScenarioId: (scenarioId) => set({ scenarioId }),
  setEditingScenarioId: (editingScenarioId) => set({ editingScenarioId }),
  setCompareIds: (compareIds) => set({ compareIds }),
  setAsAt: (asAt) => set({ asAt }),
  setLookAheadMonths: (lookAheadMonths) => set({ lookAheadMonths }),
  selectIntervention: (selectedInterventionId) => set({ selectedInterventionId }),
  setHeadlineFy: (headlineFy) => set({ headlineFy }),
});

export const useStore = create<Store>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createViewSlice(...a),
  ...createResultsSlice<Store>()(...a),
  ...createAnalysisSlice<Store>()(...a),
}));
