// A run's progress as a bar, while it runs.
import { count } from '../../logic/format';
import type { RunProgress } from '../../store/analysis-slice';

export function ProgressBar(props: { progress: RunProgress; label: string; testId: string }) {
  const p = props.progress;
  if (p.status !== 'running') return null;
  const value = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
  return (
    <div className="progress" data-testid={props.testId}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={p.total > 0 ? `${count(p.done)} of ${count(p.total)} done` : 'Starting'}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
