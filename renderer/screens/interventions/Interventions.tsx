// Interventions: a spreadsheet-like grid (sort, filter, arrow keys, Enter to edit and
// Escape to cancel; formulas show their value; rows pasted from a spreadsheet are checked
// before anything is stored) and a detail panel for the selected intervention.
import { useId, useState } from 'react';
import { parseMonth } from '../../../shared/months';
import { Card, Empty, ScreenHeader } from '../../components/common';
import { fyLabel } from '../../logic/format';
import { addInterventionEdit } from '../../logic/plan-edits';
import { applyEdit } from '../../store/actions';
import { usePlan, useReadOnly, useScenario } from '../../store/hooks';
import { useStore } from '../../store/store';
import { InterventionDetail } from './InterventionDetail';
import { InterventionGrid } from './InterventionGrid';
import { PasteDialog } from './PasteDialog';
import './interventions.css';

export function Interventions() {
  const plan = usePlan();
  const readOnly = useReadOnly();
  const { resolved, result } = useScenario('base');
  const [fyIndex, setFyIndex] = useState(1);
  const [paste, setPaste] = useState<{ text: string } | null>(null);
  const [note, setNote] = useState('');
  const fyId = useId();
  const selected = useStore((s) => s.selectedInterventionId);
  const select = useStore((s) => s.selectIntervention);
  if (!plan) return null;
  const fys = resolved?.fys ?? [];
  const safeFy = Math.min(fyIndex, Math.max(0, fys.length - 1));
  const fy = fys.length ? fyLabel(fys[safeFy]) : '';
  const selectedIndex = plan.interventions.findIndex((i) => i.id === selected);

  return (
    <div className="screen" data-testid="screen-interventions">
      <ScreenHeader
        title="Interventions"
        lede="The services and capability the funding pays for: what each costs, how much notice it needs, and who it supports."
      >
        <div className="field inline">
          <label htmlFor={fyId}>Costs for</label>
          <select id={fyId} value={safeFy} onChange={(e) => setFyIndex(Number(e.target.value))}>
            {fys.map((y, i) => (
              <option key={y} value={i}>
                {fyLabel(y)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={readOnly} onClick={() => setPaste({ text: '' })} data-testid="open-paste">
          Paste rows…
        </button>
        <button
          type="button"
          disabled={readOnly}
          onClick={async () => {
            const { edit, id } = addInterventionEdit(plan);
            const r = await applyEdit(edit);
            if (r.ok) select(id);
          }}
        >
          + Add intervention
        </button>
      </ScreenHeader>
      <span className="visually-hidden" role="status" aria-live="polite">
        {note}
      </span>
      {fys.length === 0 ? (
        <Empty>Working out the costs…</Empty>
      ) : (
        <div className="interventions-layout">
          <Card className="grid-card">
            <InterventionGrid plan={plan} resolved={resolved} fyIndex={safeFy} fy={fy} onPaste={(text) => setPaste({ text })} />
          </Card>
          {selectedIndex >= 0 ? (
            <InterventionDetail
              plan={plan}
              index={selectedIndex}
              result={result?.interventions[selectedIndex] ?? null}
              horizonStart={result?.horizonStart ?? parseMonth(plan.horizon.start)}
              resolved={resolved}
            />
          ) : null}
        </div>
      )}
      <PasteDialog
        plan={plan}
        open={paste !== null}
        initialText={paste?.text ?? ''}
        onClose={(added) => {
          setPaste(null);
          if (added) setNote(`${added} interventions added`);
        }}
      />
    </div>
  );
}
