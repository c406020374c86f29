// Under an uncertain variable's row: the fields its draws reach, or, when no formula uses it,
// a warning and the places its distribution fits, each a one-click edit. The uses are the
// worker's (shared/uncertainty/variable-use.ts, sent with the resolved scenario).
import { useRef, useState } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import type { UncertainVariableUse, VariablePlace } from '../../../shared/uncertainty/variable-use';
import { placeVariableEdit } from '../../logic/uncertainty-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly, useScenario } from '../../store/hooks';

/** Places shown before "Show all": enough for a plan's streams, short enough to read. */
const FIRST_PLACES = 6;
/** Fields named in "Used by" before "and N more". */
const FIRST_USES = 8;

export function placeTestId(variable: string, place: VariablePlace): string {
  const where = place.kind === 'partner-share' ? place.intervention : `${place.stream}-${place.fy.replace('/', '-')}`;
  return `uncertain-${variable}-use-${place.kind}-${where}`;
}

/** The worker's uses of a variable, or null until an answer for it has come back. */
export function useVariableUse(scenarioId: string, variable: string): UncertainVariableUse | null {
  const { resolved } = useScenario(scenarioId);
  return resolved?.uncertainUses?.find((u) => u.variable === variable) ?? null;
}

export function VariableUse(props: { plan: Plan; scenario: Scenario; variable: string; columns: number }) {
  const { plan, scenario, variable, columns } = props;
  const use = useVariableUse(scenario.id, variable);
  const readOnly = useReadOnly();
  const [all, setAll] = useState(false);
  const cell = useRef<HTMLTableCellElement>(null);
  if (!use) return null;
  const shown = all ? use.places : use.places.slice(0, FIRST_PLACES);
  return (
    <tr className="uncertain-use" data-testid={`uncertain-${variable}-use`}>
      {/* Focus comes here after a place is used, so the keyboard is not left on a button that is gone. */}
      <td colSpan={columns} ref={cell} tabIndex={-1} aria-live="polite">
        {use.usedBy.length > 0 ? (
          <p className="hint used-by" data-testid={`uncertain-${variable}-used-by`}>
            Used by:{' '}
            {use.usedBy.slice(0, FIRST_USES).map((u, i) => (
              <span key={u.path}>
                {i > 0 ? '; ' : ''}
                {u.words}
                {u.via.length > 0 ? ` (through ${u.via.join(', then ')})` : ''}
              </span>
            ))}
            {use.usedBy.length > FIRST_USES ? `; and ${use.usedBy.length - FIRST_USES} more` : ''}
          </p>
        ) : (
          <>
            <p className="uncertain-warning" data-testid={`uncertain-${variable}-unused`}>
              No formula uses <code>{variable}</code>, so sampling it changes nothing.
            </p>
            {use.places.length > 0 ? (
              <ul className="place-links" aria-label={`Places that could use ${variable}`}>
                {shown.map((place) => (
                  <li key={placeTestId(variable, place)}>
                    <button
                      type="button"
                      className="link-button small"
                      disabled={readOnly}
                      data-testid={placeTestId(variable, place)}
                      onClick={async () => {
                        const result = await applyEdit(placeVariableEdit(plan, scenario.id, variable, place));
                        if (result.ok) cell.current?.focus();
                      }}
                    >
                      Use as {place.words}
                    </button>
                  </li>
                ))}
                {use.places.length > FIRST_PLACES ? (
                  <li>
                    <button
                      type="button"
                      className="link-button small"
                      aria-expanded={all}
                      onClick={() => setAll(!all)}
                      data-testid={`uncertain-${variable}-places-all`}
                    >
                      {all ? 'Show fewer places' : `Show all ${use.places.length} places`}
                    </button>
                  </li>
                ) : null}
              </ul>
            ) : (
              <p className="hint">
                Write <code>{variable}</code> into a formula (a grant amount, a cost, a share), or choose a distribution that fits a grant
                level around 1, a delay in whole months or a share between 0 and 1.
              </p>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

/** Beside Run: the uncertain variables no formula uses, whose draws change nothing. */
export function UnusedNote(props: { scenarioId: string }) {
  const { resolved } = useScenario(props.scenarioId);
  const uses = resolved?.uncertainUses ?? [];
  const unused = uses.filter((u) => u.usedBy.length === 0).map((u) => u.variable);
  if (unused.length === 0) return null;
  const names = unused.join(', ');
  const words =
    unused.length === uses.length
      ? `No formula uses ${names}, so every draw will give the same result.`
      : `No formula uses ${names}, so drawing ${unused.length === 1 ? 'it' : 'them'} changes nothing.`;
  return (
    <p className="uncertain-warning run-note" data-testid="risk-unused-note">
      {words}
    </p>
  );
}
