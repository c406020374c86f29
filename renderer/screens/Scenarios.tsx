// Scenarios: create, duplicate, rename and delete them, and change what each assumes:
// grant level and confirmation date per FY, stance, handovers, priorities and variables.
// Sliders simulate a draft while they move; the edit is stored on release.
import { useEffect, useId, useState } from 'react';
import type { PlanEdit } from '../../shared/edits';
import { isFormula } from '../../shared/formula';
import type { Plan, Scenario } from '../../shared/plan';
import { Card, ChartOrTable, Empty, Figure, ScreenHeader } from '../components/common';
import { Breakeven } from '../components/Breakeven';
import { InlineField } from '../components/InlineField';
import { LevelControl } from '../components/LevelControl';
import { MonthChart, MonthTable } from '../components/MonthChart';
import { count, dateLong, fyLabel, money, monthLong, plural } from '../logic/format';
import { parseMonth, formatMonth } from '../../shared/months';
import {
  addScenarioEdit, confirmationOf, deleteScenarioEdit, duplicateScenarioEdit, fundingVariables, grantLevelOf,
  handoverOf, priorityOf, renameScenarioEdit, setConfirmationEdit, setGrantLevelEdit, setHandoverEdit,
  setPriorityEdit, setStanceEdit, setUnderwritingLimitEdit, setVariableEdit, streamChangePath, variableOf,
  interventionChangePath,
} from '../logic/scenario-edits';
import { readAmount, readDate, readNumber, readWholeNumber, valueText, type Read } from '../logic/values';
import { applyEdit, previewEdit, resimulateStored } from '../store/actions';
import { useIsDraft, usePlan, useReadOnly, useScenario } from '../store/hooks';
import { useStore, type Store } from '../store/store';
import { useShallow } from 'zustand/react/shallow';

async function store(edit: PlanEdit) {
  if (edit.ops.length === 0) return;
  await applyEdit(edit);
}

function ScenarioList(props: { plan: Plan; selected: string | null; onSelect: (id: string) => void }) {
  const readOnly = useReadOnly();
  const scenarios = props.plan.scenarios ?? [];
  return (
    <nav className="scenario-list" aria-label="Scenarios">
      <ul>
        {scenarios.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="scenario-item"
              aria-current={props.selected === s.id ? 'true' : undefined}
              onClick={() => props.onSelect(s.id)}
              data-testid={`scenario-item-${s.id}`}
            >
              <span className="scenario-name">{s.name}</span>
              <span className="scenario-meta">
                {s.stance === 'prudent' ? 'Prudent' : 'Wait'} · {plural((s.changes ?? []).length, 'change')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="primary full"
        disabled={readOnly}
        data-testid="new-scenario"
        onClick={async () => {
          const { edit, id } = addScenarioEdit(props.plan);
          const result = await applyEdit(edit);
          if (result.ok) props.onSelect(id);
        }}
      >
        + New scenario
      </button>
    </nav>
  );
}

function LiveSummary(props: { scenarioId: string }) {
  const { result } = useScenario(props.scenarioId);
  const draft = useIsDraft();
  if (!result) return null;
  const t = result.totals;
  return (
    <div className="live-summary" aria-live="polite" data-testid="live-summary">
      <div className="live-title">
        Result of this scenario {draft ? <span className="pill small">preview</span> : null}
      </div>
      <div className="figures compact">
        <Figure label="Services closing" value={count(t.closures)} tone={t.closures ? 'bad' : 'good'} testId="live-closures" />
        <Figure label="People losing support" value={count(t.usersLosingSupport)} tone={t.usersLosingSupport ? 'bad' : 'good'} testId="live-people" />
        <Figure label={`Drawn from ${result.underwriter}`} value={money(t.drawn)} tone={t.limitBreaches ? 'bad' : t.drawn ? 'warn' : 'good'} testId="live-drawn" />
        <Figure label="At risk (largest FY)" value={money(t.peakAtRisk)} tone="neutral" testId="live-at-risk" />
        <Figure label="Lapsing unspent" value={money(t.underspend)} tone="neutral" />
      </div>
      <details className="live-chart" open data-testid="scenario-chart">
        <summary>Funding and spend by month</summary>
        <ChartOrTable label="Monthly funding against spend in this scenario" chart={<MonthChart result={result} height={170} compact />} table={<MonthTable result={result} />} />
      </details>
    </div>
  );
}

function GrantLevels(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  const fys = useStore(useShallow((s) => s.shown?.resolved[0]?.fys ?? []));
  const streams = plan.fundingStreams.filter((s) => s.allocations.length > 0);
  return (
    <div className="table-scroll">
      <table className="data levels">
        <caption className="visually-hidden">Funding level and confirmation date per stream and financial year</caption>
        <thead>
          <tr>
            <th scope="col">Funding stream</th>
            {fys.map((fy) => (
              <th key={fy} scope="col">
                {fyLabel(fy)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {streams.map((stream) => (
            <tr key={stream.id}>
              <th scope="row">
                <div className="stream-name">{stream.name}</div>
                <div className="muted small">
                  {stream.funder}
                  {stream.restrictedTo ? ' · ring-fenced' : ''}
                </div>
              </th>
              {fys.map((fyYear) => {
                const fy = fyLabel(fyYear);
                const planAllocation = stream.allocations.find((a) => a.fy === fy);
                const level = grantLevelOf(scenario, stream.id, fy);
                const confirmation = confirmationOf(plan, scenario, stream.id, fy);
                const changePath = streamChangePath(plan, scenario.id, stream.id, fy);
                const testId = `level-${stream.id}-${fy}`;
                if (!planAllocation && level.kind === 'plan') {
                  return (
                    <td key={fy} className="muted">
                      No allocation
                    </td>
                  );
                }
                return (
                  <td key={fy} className="level-cell">
                    <LevelControl
                      label={`${stream.name} ${fy} level`}
                      level={level.level}
                      disabled={readOnly}
                      testId={testId}
                      onPreview={(l) => previewEdit(setGrantLevelEdit(plan, scenario.id, stream.id, fy, l))}
                      onCommit={(l) => store(setGrantLevelEdit(plan, scenario.id, stream.id, fy, l)).then(() => resimulateIfNeeded())}
                      onCancel={() => resimulateStored()}
                    />
                    <LevelAmount scenarioId={scenario.id} stream={stream.id} fy={fyYear} testId={`${testId}-amount`} />
                    {level.kind === 'custom' ? <div className="muted small">Set by a formula: {valueText(level.amount)}</div> : null}
                    <InlineField
                      label="Confirmed on"
                      ariaLabel={`${stream.name} ${fy}: confirmed on`}
                      size="medium"
                      value={confirmation.date ? dateLong(confirmation.date) : ''}
                      placeholder="Known in April"
                      path={changePath ? [...changePath, 'confirmedOn'] : null}
                      read={(t) => (t.trim() === '' ? { ok: true, value: null } : readDate(t))}
                      edit={(v) => setConfirmationEdit(plan, scenario.id, stream.id, fy, v as string | null)}
                      testId={`confirm-${stream.id}-${fy}`}
                      hint={<span className="muted small">{confirmation.fromScenario ? 'this scenario' : 'as in the plan'}</span>}
                    />
                    {confirmation.fromScenario ? (
                      <button
                        type="button"
                        className="link-button small"
                        disabled={readOnly}
                        onClick={() => void store(setConfirmationEdit(plan, scenario.id, stream.id, fy, undefined))}
                      >
                        Use the plan’s date
                      </button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The amount a level gives, from the newest results (re-renders alone when results arrive). */
function LevelAmount(props: { scenarioId: string; stream: string; fy: number; testId: string }) {
  const amountOf = (s: Store, id: string) => {
    const index = s.shown?.results.findIndex((r) => r.id === id) ?? -1;
    if (index < 0) return null;
    return s.shown!.resolved[index].streams.find((x) => x.id === props.stream)?.allocations.find((a) => a.fy === props.fy)?.amount ?? null;
  };
  const amount = useStore((s) => amountOf(s, props.scenarioId));
  const planAmount = useStore((s) => amountOf(s, 'base'));
  return (
    <div className="level-amount" data-testid={props.testId}>
      {amount !== null ? money(amount) : '–'}
      {planAmount !== null && amount !== null && planAmount !== amount ? <span className="muted"> of {money(planAmount)}</span> : null}
    </div>
  );
}

/** After a level of 100% is stored as "no change", the stored plan may equal the old one. */
function resimulateIfNeeded() {
  if (useStore.getState().shown?.draft) resimulateStored();
}

function Variables(props: { plan: Plan; scenario: Scenario; index: number }) {
  const { plan, scenario, index } = props;
  const readOnly = useReadOnly();
  const levels = new Set(fundingVariables(plan));
  const names = [...new Set([...Object.keys(plan.variables ?? {}), ...Object.keys(scenario.variables ?? {})])];
  if (names.length === 0) return <Empty>This plan has no variables.</Empty>;
  return (
    <div className="variable-list">
      {names.map((name) => {
        const v = variableOf(plan, scenario, name);
        const numeric = typeof v.value === 'number' ? v.value : null;
        const isLevel = levels.has(name) && (numeric !== null || v.value === undefined);
        return (
          <div key={name} className="variable-row">
            <div className="variable-name">
              <code>{name}</code>
              <span className="muted small">{v.fromScenario ? 'set in this scenario' : `plan value ${valueText(plan.variables?.[name])}`}</span>
            </div>
            {isLevel ? (
              <LevelControl
                label={`Variable ${name}`}
                level={numeric}
                disabled={readOnly}
                testId={`variable-${name}`}
                onPreview={(l) => previewEdit(setVariableEdit(plan, scenario.id, name, l))}
                onCommit={(l) => store(setVariableEdit(plan, scenario.id, name, Math.round(l * 10_000) / 10_000))}
                onCancel={() => resimulateStored()}
              />
            ) : (
              <InlineField
                label={`Variable ${name}`}
                hideLabel
                size="narrow"
                align="right"
                value={valueText(v.value)}
                path={['scenarios', index, 'variables', name]}
                read={(t): Read<number | string> => {
                  const text = t.trim();
                  if (isFormula(text)) return { ok: true, value: text };
                  const n = readNumber(text);
                  return n === null ? { ok: false, message: `"${text}" is not a number or a formula` } : { ok: true, value: n };
                }}
                edit={(value) => setVariableEdit(plan, scenario.id, name, value as number | string)}
                testId={`variable-${name}`}
              />
            )}
            {v.fromScenario ? (
              <button type="button" className="link-button small" disabled={readOnly} onClick={() => void store(setVariableEdit(plan, scenario.id, name, undefined))}>
                Use the plan’s value
              </button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function Handovers(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  const items = plan.interventions.filter((i) => (i.partnerShares ?? []).length > 0 || handoverOf(plan, scenario, i.id).fromScenario);
  const start = parseMonth(plan.horizon.start);
  const months = Array.from({ length: plan.horizon.months }, (_, k) => formatMonth(start + k));
  if (items.length === 0) return <Empty>No intervention has a partner contribution in this plan.</Empty>;
  return (
    <table className="data">
      <caption className="visually-hidden">Handover of each intervention with a partner</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          <th scope="col">In the plan</th>
          <th scope="col">In this scenario</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const h = handoverOf(plan, scenario, item.id);
          const mode = !h.fromScenario ? 'plan' : h.month ? 'from' : 'off';
          return (
            <tr key={item.id}>
              <th scope="row">
                {item.name}
                <div className="muted small">{h.partner ?? ''}</div>
              </th>
              <td>{h.planMonth ? `Handed over from ${monthLong(parseMonth(h.planMonth))}` : 'Partner pays part; no handover'}</td>
              <td>
                <HandoverChoice
                  label={`Handover of ${item.name}`}
                  mode={mode}
                  month={h.month ?? h.planMonth ?? months[Math.min(months.length - 1, 18)]}
                  months={months}
                  disabled={readOnly}
                  onChange={(next) => void store(setHandoverEdit(plan, scenario.id, item.id, next))}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function HandoverChoice(props: {
  label: string;
  mode: 'plan' | 'off' | 'from';
  month: string;
  months: readonly string[];
  disabled: boolean;
  onChange: (setting: { mode: 'plan' } | { mode: 'off' } | { mode: 'from'; month: string }) => void;
}) {
  const modeId = useId();
  const monthId = useId();
  return (
    <div className="handover-choice">
      <label htmlFor={modeId} className="visually-hidden">
        {props.label}
      </label>
      <select
        id={modeId}
        value={props.mode}
        disabled={props.disabled}
        onChange={(e) => {
          const mode = e.target.value as 'plan' | 'off' | 'from';
          props.onChange(mode === 'from' ? { mode, month: props.month } : { mode });
        }}
      >
        <option value="plan">As in the plan</option>
        <option value="off">No handover</option>
        <option value="from">Hand over from…</option>
      </select>
      {props.mode === 'from' ? (
        <>
          <label htmlFor={monthId} className="visually-hidden">
            {props.label}: month
          </label>
          <select id={monthId} value={props.month} disabled={props.disabled} onChange={(e) => props.onChange({ mode: 'from', month: e.target.value })}>
            {props.months.map((m) => (
              <option key={m} value={m}>
                {monthLong(parseMonth(m))}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}

function Priorities(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  return (
    <table className="data compact">
      <caption className="visually-hidden">Priority of each intervention (1 is funded first)</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          <th scope="col" className="num">
            In the plan
          </th>
          <th scope="col" className="num">
            In this scenario
          </th>
          <th scope="col">
            <span className="visually-hidden">Reset</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {plan.interventions.map((item) => {
          const p = priorityOf(plan, scenario, item.id);
          const path = interventionChangePath(plan, scenario.id, item.id);
          return (
            <tr key={item.id}>
              <th scope="row">{item.name}</th>
              <td className="num">{item.priority}</td>
              <td className="num">
                <InlineField
                  label={`Priority of ${item.name} in this scenario`}
                  hideLabel
                  size="narrow"
                  align="right"
                  value={p.fromScenario ? String(p.value) : ''}
                  placeholder={String(item.priority)}
                  path={path ? [...path, 'priority'] : null}
                  read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readWholeNumber(t))}
                  edit={(v) => setPriorityEdit(plan, scenario.id, item.id, v as number | undefined)}
                />
              </td>
              <td>
                {p.fromScenario ? (
                  <button type="button" className="link-button small" disabled={readOnly} onClick={() => void store(setPriorityEdit(plan, scenario.id, item.id, undefined))}>
                    Use the plan’s
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ScenarioEditor(props: { plan: Plan; scenario: Scenario; index: number; onSelect: (id: string | null) => void }) {
  const { plan, scenario, index } = props;
  const readOnly = useReadOnly();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showPriorities, setShowPriorities] = useState(false);
  const stanceName = useId();
  useEffect(() => setConfirmDelete(false), [scenario.id]);
  const limitValue = scenario.underwriting?.limit;

  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <div className="editor-head">
        <InlineField
          label="Scenario name"
          size="wide"
          value={scenario.name}
          path={['scenarios', index, 'name']}
          read={(t) => (t.trim() ? { ok: true, value: t.trim() } : { ok: false, message: 'A scenario needs a name' })}
          edit={(v) => renameScenarioEdit(plan, scenario.id, v as string)}
          testId="scenario-name"
        />
        <div className="button-row">
          <button
            type="button"
            disabled={readOnly}
            onClick={async () => {
              const { edit, id } = duplicateScenarioEdit(plan, scenario.id);
              const result = await applyEdit(edit);
              if (result.ok) props.onSelect(id);
            }}
          >
            Duplicate
          </button>
          {confirmDelete ? (
            <>
              <button
                type="button"
                className="danger"
                onClick={async () => {
                  const result = await applyEdit(deleteScenarioEdit(plan, scenario.id));
                  if (result.ok) props.onSelect(null);
                }}
              >
                Delete “{scenario.name}”
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="danger-quiet" disabled={readOnly} onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          )}
        </div>
      </div>

      <LiveSummary scenarioId={scenario.id} />

      <Card title="Funding levels and confirmation dates" subtitle="Drag a slider to see the result at once; it is saved when you let go. 100% is the plan’s amount.">
        <GrantLevels plan={plan} scenario={scenario} />
      </Card>

      <div className="two-col">
        <Card title="Stance" subtitle="What the unit does at a notice deadline before the year’s funding is known.">
          <fieldset className="radio-group">
            <legend className="visually-hidden">Stance</legend>
            {(
              [
                ['wait', 'Wait for confirmation', 'The underwriter covers the months until the grant is known; notice is served then if needed.'],
                ['prudent', 'Serve notice where unconfirmed', 'At each deadline, notice goes to whatever the money known by then cannot fund.'],
              ] as const
            ).map(([value, title, text]) => (
              <label key={value} className="radio">
                <input
                  type="radio"
                  name={stanceName}
                  value={value}
                  checked={(scenario.stance ?? 'wait') === value}
                  disabled={readOnly}
                  onChange={() => void store(setStanceEdit(plan, scenario.id, value))}
                  data-testid={`stance-${value}`}
                />
                <span>
                  <span className="radio-title">{title}</span>
                  <span className="radio-text">{text}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <InlineField
            label="Underwriting limit a year"
            size="medium"
            align="right"
            value={valueText(limitValue)}
            placeholder={plan.underwriting ? `${valueText(plan.underwriting.limit)} (plan)` : '0'}
            path={['scenarios', index, 'underwriting', 'limit']}
            read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readAmount(t))}
            edit={(v) => setUnderwritingLimitEdit(plan, scenario.id, v as number | string | undefined)}
            hint={<span className="muted small">pounds; empty uses the plan’s</span>}
          />
        </Card>
        <Card title="Variables" subtitle="Values that formulas in the plan use.">
          <Variables plan={plan} scenario={scenario} index={index} />
        </Card>
      </div>

      <Breakeven plan={plan} scenario={scenario} />

      <Card title="Handovers" subtitle="When a partner takes over the whole cost.">
        <Handovers plan={plan} scenario={scenario} />
      </Card>

      <Card title="Priorities" subtitle="1 is funded first; leave empty to keep the plan’s priority.">
        <details onToggle={(e) => setShowPriorities(e.currentTarget.open)}>
          <summary>Show priorities for {plural(plan.interventions.length, 'intervention')}</summary>
          {showPriorities ? <Priorities plan={plan} scenario={scenario} /> : null}
        </details>
      </Card>
    </div>
  );
}

export function Scenarios() {
  const plan = usePlan();
  const editing = useStore((s) => s.editingScenarioId);
  const setEditing = useStore((s) => s.setEditingScenarioId);
  if (!plan) return null;
  const scenarios = plan.scenarios ?? [];
  const index = scenarios.findIndex((s) => s.id === editing);
  const current = index >= 0 ? scenarios[index] : scenarios[0] ?? null;
  const currentIndex = index >= 0 ? index : 0;
  return (
    <div className="screen" data-testid="screen-scenarios">
      <ScreenHeader title="Scenarios" lede="What might happen to the funding, and how the unit would respond. Base is the plan as written." />
      <div className="scenario-layout">
        <ScenarioList plan={plan} selected={current?.id ?? null} onSelect={setEditing} />
        {current ? (
          <ScenarioEditor key={current.id} plan={plan} scenario={current} index={currentIndex} onSelect={setEditing} />
        ) : (
          <Empty>No scenarios yet. Create one to try a different grant level or confirmation date.</Empty>
        )}
      </div>
    </div>
  );
}
