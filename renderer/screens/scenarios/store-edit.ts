// Storing a scenario edit from the Scenarios screen: an edit with nothing to do is not sent.
import type { PlanEdit } from '../../../shared/edits';
import { applyEdit, resimulateStored } from '../../store/actions';
import { useStore } from '../../store/store';

export async function store(edit: PlanEdit) {
  if (edit.ops.length === 0) return;
  await applyEdit(edit);
}

/** After a level of 100% is stored as "no change", the stored plan may equal the old one. */
export function resimulateIfNeeded() {
  if (useStore.getState().source?.draft) resimulateStored();
}
