// The scenario's correlations between uncertain variables (plan-format.md §9.1): the pairs with
// their rank, edited in place or removed, the form to add one, a plain explanation and the
// preview scatter. Each change is one edit; a refused one shows the store's message at the field.
import { useId, useState } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import { Card, FieldError } from '../../components/common';
import { DataTable, hidden } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import {
  addCorrelationEdit,
  pairWords,
  RANK_LIMIT,
  rankText,
  readRank,
  removeCorrelationEdit,
  setCorrelationRankEdit,
} from '../../logic/correlation-edits';
import { applyEdit } from '../../store/actions';
import { useFieldProblems, useReadOnly } from '../../store/hooks';
import { CorrelationScatter } from './CorrelationScatter';

function AddCorrelation(props: { plan: Plan; scenario: Scenario; si: number }) {
  const { plan, scenario, si } = props;
  const readOnly = useReadOnly();
  const variables = (scenario.uncertainty ?? []).map((u) => u.variable);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [rank, setRank] = useState('0.5');
  const [localError, setLocalError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const first = variables.includes(a) ? a : variables[0];
  const second = variables.includes(b) ? b : (variables.find((v) => v !== first) ?? first);
  const problems = useFieldProblems(tried ? ['scenarios', si, 'correlations'] : null);
  const messages = localError ? [localError] : problems.map((p) => p.message);
  const read = readRank(rank);
  const ids = { a: useId(), b: useId(), rank: useId(), slider: useId(), error: useId() };
  const invalid = messages.length > 0 || undefined;
  return (
    <div className="add-correlation" data-testid="add-correlation">
      <div className="field">
        <label htmlFor={ids.a}>Between</label>
        <select
          id={ids.a}
          value={first}
          onChange={(e) => setA(e.target.value)}
          disabled={readOnly}
          aria-invalid={invalid}
          aria-describedby={invalid ? ids.error : undefined}
          data-testid="add-correlation-a"
        >
          {variables.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.b}>and</label>
        <select
          id={ids.b}
          value={second}
          onChange={(e) => setB(e.target.value)}
          disabled={readOnly}
          aria-invalid={invalid}
          aria-describedby={invalid ? ids.error : undefined}
          data-testid="add-correlation-b"
        >
          {variables.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.rank}>Rank</label>
        <input
          id={ids.rank}
          className="num narrow-input"
          value={rank}
          onChange={(e) => setRank(e.target.value)}
          disabled={readOnly}
          aria-invalid={invalid}
          aria-describedby={invalid ? ids.error : undefined}
          data-testid="add-correlation-rank"
        />
      </div>
      <div className="field rank-slider">
        <label htmlFor={ids.slider}>
          <span className="visually-hidden">Rank, </span>−{RANK_LIMIT} to {RANK_LIMIT}
        </label>
        <input
          id={ids.slider}
          type="range"
          min={-RANK_LIMIT}
          max={RANK_LIMIT}
          step={0.01}
          value={read.ok ? Math.max(-RANK_LIMIT, Math.min(RANK_LIMIT, read.value)) : 0}
          onChange={(e) => setRank(e.target.value)}
          disabled={readOnly}
          data-testid="add-correlation-slider"
        />
      </div>
      <button
        type="button"
        disabled={readOnly}
        data-testid="add-correlation-button"
        onClick={async () => {
          if (!read.ok) {
            setLocalError(`Rank ${read.message}`);
            return;
          }
          setLocalError(null);
          setTried(true);
          const result = await applyEdit(addCorrelationEdit(plan, scenario.id, { between: [first, second], rank: read.value }));
          if (result.ok) setTried(false);
        }}
      >
        + Add correlation
      </button>
      <FieldError id={ids.error} messages={messages} />
    </div>
  );
}

function CorrelationRow(props: { plan: Plan; scenario: Scenario; si: number; k: number }) {
  const { plan, scenario, si, k } = props;
  const readOnly = useReadOnly();
  const entry = scenario.correlations![k];
  const key = entry.between.join('-');
  return (
    <tr data-testid={`correlation-${key}`}>
      <th scope="row">
        <code>{entry.between[0]}</code> and <code>{entry.between[1]}</code>
      </th>
      <td>
        <InlineField
          label="Rank"
          hideLabel
          ariaLabel={`${pairWords(entry.between)}: rank`}
          size="narrow"
          align="right"
          value={rankText(entry.rank)}
          path={['scenarios', si, 'correlations', k]}
          read={readRank}
          edit={(v) => setCorrelationRankEdit(plan, scenario.id, k, v as number)}
          testId={`correlation-${key}-rank`}
        />
      </td>
      <td className="actions">
        <button
          type="button"
          className="link-button small"
          disabled={readOnly}
          onClick={() => void applyEdit(removeCorrelationEdit(plan, scenario.id, k))}
          data-testid={`correlation-${key}-remove`}
        >
          Remove<span className="visually-hidden"> the correlation of {pairWords(entry.between)}</span>
        </button>
      </td>
    </tr>
  );
}

export function Correlations(props: { plan: Plan; scenario: Scenario; si: number }) {
  const { plan, scenario, si } = props;
  const list = scenario.correlations ?? [];
  const [a, b] = list[0]?.between ?? (scenario.uncertainty ?? []).map((u) => u.variable);
  return (
    <Card
      title="Correlations"
      subtitle="Variables that tend to move together. Without one, each variable is drawn on its own."
      className="correlations-card"
    >
      <div className="correlations-body">
        <div className="correlations-set">
          <p className="explain" data-testid="correlation-explain">
            A rank correlation of 0.6 between <code>{a}</code> and <code>{b}</code> means high values of one tend to come with high values
            of the other; {rankText(-0.6)}: high with low. It changes how often bad combinations occur, not each variable’s own range.
          </p>
          {list.length > 0 ? (
            <div className="table-scroll">
              <DataTable
                className="data correlation-table"
                testId="correlation-table"
                caption={`Correlations of ${scenario.name}`}
                columns={['Between', 'Rank', hidden('Remove')]}
              >
                {list.map((c, k) => (
                  <CorrelationRow key={`${k}-${c.between.join('-')}`} plan={plan} scenario={scenario} si={si} k={k} />
                ))}
              </DataTable>
            </div>
          ) : null}
          <AddCorrelation plan={plan} scenario={scenario} si={si} />
        </div>
        <CorrelationScatter scenario={scenario} />
      </div>
    </Card>
  );
}
