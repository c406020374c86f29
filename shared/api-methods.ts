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
  'exportBriefing',
  'previewActualsImport',
  'previewSheetImport',
  'classifySpreadsheet',
  'exportOutturn',
  'getViewState',
  'setViewState',
  'createPlan',
  'renameVariable',
  'deleteVariable',
  'listSnapshots',
  'takeSnapshot',
  'openSnapshot',
  'closeSnapshot',
  'exportSnapshotJson',
  'restoreSnapshot',
  'deleteSnapshot',
  'getHistory',
  'exportHistory',
  'compareWithSnapshot',
  'exportSnapshotComparison',
  'outturnAgainstSnapshot',
] as const;

/**
 * The only messages main sends to a page: menu commands the page carries out itself
 * (undo, redo, newPlan: the page asks the guided start's questions) and "reload" after main
 * changed the document (import, Save As).
 */
export const MENU_CHANNEL = 'headroom:menu';
export const MENU_COMMANDS = ['undo', 'redo', 'reload', 'newPlan'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
