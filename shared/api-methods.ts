// The names of the API's methods, free of any dependency so that the sandboxed preload
// stays small. shared/ipc.ts checks at compile time that this list matches its contract.
export const API_METHOD_NAMES = [
  'getAppInfo',
  'getPlan',
  'applyEdit',
  'undo',
  'redo',
  'importPlanJson',
  'exportPlanJson',
  'exportComparison',
] as const;
