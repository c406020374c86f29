// Whether the guided start (File > New plan, Ctrl+N, Electron's File > New Plan) is open.
import { create } from 'zustand';

export const useNewPlan = create<{ open: boolean; show: () => void; hide: () => void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

export const openNewPlan = (): void => useNewPlan.getState().show();
