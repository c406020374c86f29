// A level as a slider and a number (in %). While the slider moves, each position is
// simulated as a draft; the edit is stored when the pointer is released (or shortly after
// the last key press), and the number field stores on Enter or when left.
//
// While a drag previews, the level passed in may be worked out from the preview's own
// figures (a level that comes from a scenario variable is), so a release is compared with
// the level stored when the drag began, never with the level the preview shows.
import { useEffect, useId, useRef, useState } from 'react';
import { readNumber } from '../logic/values';
import { FieldError } from './common';
import './LevelControl.css';

export interface LevelControlProps {
  label: string;
  /** The stored level as a fraction (0.75), or null when the stored value is not a plain level. */
  level: number | null;
  min?: number;
  max?: number;
  disabled?: boolean;
  onPreview: (level: number) => void;
  onCommit: (level: number) => Promise<unknown>;
  onCancel: () => void;
  testId?: string;
}

const toPercent = (level: number) => Math.round(level * 10_000) / 100;

export function LevelControl(props: LevelControlProps) {
  const { min = 0, max = 150 } = props;
  const sliderId = useId();
  const numberId = useId();
  const [drag, setDrag] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const keyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stored = props.level === null ? null : toPercent(props.level);
  /** The stored level (in %) when the current drag began; undefined when no drag is under way. */
  const dragFrom = useRef<number | null | undefined>(undefined);
  const shown = drag ?? stored ?? 100;

  useEffect(
    () => () => {
      if (keyTimer.current) clearTimeout(keyTimer.current);
    },
    [],
  );

  async function commit(percent: number) {
    if (keyTimer.current) clearTimeout(keyTimer.current);
    keyTimer.current = null;
    const dragged = dragFrom.current !== undefined;
    const before = dragged ? dragFrom.current! : stored;
    dragFrom.current = undefined;
    if (before !== null && Math.abs(percent - before) < 1e-9) {
      setDrag(null);
      // A drag that ends where it began leaves a preview showing: show the stored figures.
      if (dragged) props.onCancel();
      return;
    }
    await props.onCommit(percent / 100);
    setDrag(null);
  }

  function commitText() {
    if (text === null) return;
    const n = readNumber(text.replace(/%$/, ''));
    if (n === null || n < 0 || n > 1000) {
      setError(`"${text}" is not a level in % (such as 75)`);
      return;
    }
    setError(null);
    setText(null);
    void commit(n);
  }

  return (
    <div className="level-control">
      <label htmlFor={sliderId} className="visually-hidden">
        {props.label} (slider)
      </label>
      <input
        id={sliderId}
        type="range"
        min={min}
        max={max}
        step={1}
        value={Math.min(max, Math.max(min, shown))}
        disabled={props.disabled}
        aria-valuetext={`${shown}%`}
        data-testid={props.testId ? `${props.testId}-slider` : undefined}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (dragFrom.current === undefined) dragFrom.current = stored;
          setDrag(value);
          props.onPreview(value / 100);
        }}
        onPointerUp={() => {
          if (drag !== null) void commit(drag);
        }}
        onKeyUp={(e) => {
          if (drag === null || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].includes(e.key))
            return;
          if (keyTimer.current) clearTimeout(keyTimer.current);
          const value = drag;
          keyTimer.current = setTimeout(() => void commit(value), 400);
        }}
        onBlur={() => {
          if (drag !== null) void commit(drag);
        }}
      />
      <div className="level-number">
        <label htmlFor={numberId} className="visually-hidden">
          {props.label} (%)
        </label>
        <input
          id={numberId}
          type="text"
          inputMode="decimal"
          className="num"
          value={text ?? (stored === null && drag === null ? '' : String(shown))}
          placeholder={stored === null ? 'custom' : undefined}
          disabled={props.disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={props.testId}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitText();
            } else if (e.key === 'Escape') {
              setText(null);
              setError(null);
              props.onCancel();
            }
          }}
          onBlur={commitText}
        />
        <span className="unit" aria-hidden="true">
          %
        </span>
      </div>
      <FieldError id={errorId} messages={error ? [error] : []} />
    </div>
  );
}
