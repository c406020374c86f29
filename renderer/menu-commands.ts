// Commands from the desktop menu (Electron only): undo and redo run here so the screen can
// refresh, "reload" follows a document main changed (import, Save As), "newPlan" asks the
// guided start's questions.
import { isTypingTarget } from './logic/keys';
import { loadDocument, redo, undo } from './store/actions';
import { openNewPlan } from './screens/plan/new-plan-state';

type MenuCommand = 'undo' | 'redo' | 'reload' | 'newPlan';
type Bridge = { onMenuCommand?: (callback: (command: MenuCommand) => void) => void };

export function listenToMenu(): void {
  const bridge = (globalThis as { headroom?: Bridge }).headroom;
  bridge?.onMenuCommand?.((command) => {
    if (command === 'reload') {
      void loadDocument();
      return;
    }
    if (command === 'newPlan') {
      openNewPlan();
      return;
    }
    // A key press in a text field has already undone the field's own typing.
    if (isTypingTarget(document.activeElement as HTMLElement | null)) return;
    void (command === 'undo' ? undo() : redo());
  });
}
