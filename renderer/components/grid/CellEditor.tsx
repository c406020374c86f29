// The editor in a grid cell: Enter saves and moves down, Tab moves across, Escape cancels.
// Text is read by the column's reader; a value the validator refuses (a formula naming an
// unknown variable) stays in the editor with the validator's message, and nothing is stored.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { applyEdit, clearProblems } from '../../store/actions';
import { useFieldProblems } from '../../store/hooks';
import type { EditChoice } from '../../logic/edit-questions';
import type { PlanEdit } from '../../../shared/edits';
import { ChoiceDialog } from '../ChoiceDialog';
import { FieldError } from '../common';
import type { AskFirst, CellMove, GridColumn } from './columns';

export function CellEditor<Row>(props: {
  column: GridColumn<Row>;
  initial: string;
  index: number;
  onDone: (move: CellMove, cancelled: boolean) => void;
}) {
  const { column } = props;
  const [text, setText] = useState(props.initial);
  const [localError, setLocalError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const busy = useRef(false);
  // While a question is open, the blur of the input (the dialog takes the focus) stores nothing.
  const [asking, setAsking] = useState<{ ask: AskFirst; move: CellMove } | null>(null);
  const askingRef = useRef(false);
  const problems = useFieldProblems(column.path(props.index));
  const errorId = useId();
  const messages = localError ? [localError] : refused !== null ? problems.map((p) => p.message) : [];

  async function commit(move: CellMove) {
    if (busy.current || askingRef.current) return;
    const read = column.read(text);
    if (!read.ok) {
      setLocalError(read.message);
      return;
    }
    if (refused === text) return;
    const ask = column.ask?.(props.index, read.value);
    if (ask) {
      askingRef.current = true;
      setAsking({ ask, move });
      return;
    }
    await store(column.edit(props.index, read.value), move);
  }

  async function store(edit: PlanEdit, move: CellMove) {
    if (edit.ops.length === 0) {
      props.onDone(move, false);
      return;
    }
    busy.current = true;
    const result = await applyEdit(edit);
    busy.current = false;
    if (result.ok) props.onDone(move, false);
    else setRefused(text);
  }

  async function answer(choice: EditChoice) {
    if (!asking) return;
    const edit = asking.ask.edit(choice);
    setAsking(null);
    askingRef.current = false;
    if (edit === null) {
      clearProblems();
      props.onDone(null, true);
    } else await store(edit, asking.move);
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit('down');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clearProblems();
      props.onDone(null, true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit(e.shiftKey ? 'left' : 'right');
    }
  };
  const common = {
    autoFocus: true,
    'aria-label': `${column.label}, editing`,
    'aria-invalid': messages.length ? true : undefined,
    'aria-describedby': messages.length ? errorId : undefined,
    onKeyDown,
    'data-testid': 'cell-editor',
  } as const;
  return (
    <div className="cell-editor">
      {column.options ? (
        <select {...common} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void commit(null)}>
          {column.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          className={column.numeric ? 'num' : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setLocalError(null);
            setRefused(null);
          }}
          onBlur={() => void commit(null)}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <FieldError id={errorId} messages={messages} />
      <ChoiceDialog question={asking?.ask.question ?? null} onAnswer={(c) => void answer(c)} />
    </div>
  );
}
