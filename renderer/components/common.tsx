// Small building blocks shared by the screens.
import { useId, useState, type ReactNode } from 'react';
import { useScenarioChoices, useStale } from '../store/hooks';
import { STATUS_LABELS, type StatusKey } from '../logic/timeline';
import './common.css';

export function ScenarioPicker(props: { value: string; onChange: (id: string) => void; label?: string }) {
  const id = useId();
  const choices = useScenarioChoices();
  return (
    <div className="field inline">
      <label htmlFor={id}>{props.label ?? 'Scenario'}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid="scenario-picker">
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ScreenHeader(props: { title: string; lede?: ReactNode; children?: ReactNode }) {
  const stale = useStale();
  return (
    <header className="screen-header">
      <div>
        <h1>{props.title}</h1>
        {props.lede ? <p className="lede">{props.lede}</p> : null}
      </div>
      <div className="screen-tools">
        {props.children}
        <span className={`sim-state${stale ? ' busy' : ''}`} role="status" aria-live="polite">
          {stale ? 'Updating…' : ''}
        </span>
      </div>
    </header>
  );
}

/** A card; its content dims while newer results are on their way (see main[data-stale]). */
export function Card(props: {
  title?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
  labelledBy?: string;
}) {
  const headingId = useId();
  return (
    <section
      className={`card${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={props.title ? headingId : undefined}
      id={props.id}
    >
      {props.title || props.actions ? (
        <div className="card-head">
          <div>
            {props.title ? <h2 id={headingId}>{props.title}</h2> : null}
            {props.subtitle ? <p className="card-sub">{props.subtitle}</p> : null}
          </div>
          {props.actions ? <div className="card-actions">{props.actions}</div> : null}
        </div>
      ) : null}
      <div className="card-body">{props.children}</div>
    </section>
  );
}

export function Figure(props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'good' | 'warn' | 'bad' | 'neutral';
  testId?: string;
}) {
  return (
    <div className={`figure tone-${props.tone ?? 'neutral'}`} data-testid={props.testId}>
      <div className="figure-label">{props.label}</div>
      <div className="figure-value">{props.value}</div>
      {props.detail ? <div className="figure-detail">{props.detail}</div> : null}
    </div>
  );
}

/** A chart with its table alternative, chosen by a toggle. */
export function ChartOrTable(props: { label: string; chart: ReactNode; table: ReactNode; testId?: string }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <div className="chart-or-table" data-testid={props.testId}>
      <div className="toggle-row">
        <button type="button" className="link-button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      {asTable ? <div className="table-scroll">{props.table}</div> : <figure aria-label={props.label}>{props.chart}</figure>}
    </div>
  );
}

/** A labelled narrow number box; `errorId` names the FieldError that explains it when it is invalid. */
export function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  errorId?: string;
  numeric?: boolean;
  testId: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="num narrow-input"
        inputMode={props.numeric ? 'numeric' : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.errorId ? true : undefined}
        aria-describedby={props.errorId}
        data-testid={props.testId}
      />
    </div>
  );
}

export function FieldError(props: { id: string; messages: readonly string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <div className="field-error" id={props.id} role="alert">
      {props.messages.map((m, i) => (
        <div key={i}>{m}</div>
      ))}
    </div>
  );
}

export function StatusSwatch(props: { status: StatusKey }) {
  return <span className={`swatch status-${props.status}`} aria-hidden="true" />;
}

export function StatusLegend(props: { statuses?: readonly StatusKey[] }) {
  const statuses = props.statuses ?? (['running', 'tapering', 'handedOver', 'notice', 'closed'] as const);
  return (
    <ul className="legend" aria-label="Key">
      {statuses.map((s) => (
        <li key={s}>
          <StatusSwatch status={s} />
          {STATUS_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

export function Empty(props: { children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}
