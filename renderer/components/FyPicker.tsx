// Which FY the headlines are about: the next cliff edge unless the person picks another
// (kept in the view state). The default is shared/cliff-edge.ts's, never worked out here.
import { useId } from 'react';
import { fyLabel } from '../logic/format';
import { useDefaultFy, useHeadlineFy, useResults } from '../store/hooks';
import { useStore } from '../store/store';

export function FyPicker() {
  const id = useId();
  const results = useResults();
  const fy = useHeadlineFy();
  const fallback = useDefaultFy();
  const setFy = useStore((s) => s.setHeadlineFy);
  if (!results || fy === null) return null;
  return (
    <div className="field inline">
      <label htmlFor={id}>Year</label>
      <select
        id={id}
        value={fy}
        onChange={(e) => {
          const picked = Number(e.target.value);
          setFy(picked === fallback ? null : picked);
        }}
        data-testid="fy-picker"
      >
        {results[0].years.map((y) => (
          <option key={y.fy} value={y.fy}>
            {fyLabel(y.fy)}
            {y.fy === fallback ? ' (next cliff edge)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
