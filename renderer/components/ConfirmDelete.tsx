// Deleting takes a second click: the first asks, then "Delete “name”" or "Keep it". With
// `details` (what goes with it), the question is a panel that takes focus; Escape keeps it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function ConfirmDelete(props: {
  name: string;
  ask: string;
  readOnly: boolean;
  onDelete: () => Promise<void>;
  details?: ReactNode;
  testId?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const question = useRef<HTMLDivElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const testId = (suffix: string) => (props.testId ? `${props.testId}${suffix}` : undefined);
  if (!confirming) {
    return (
      <button
        ref={askButton}
        type="button"
        className="danger-quiet"
        disabled={props.readOnly}
        onClick={() => setConfirming(true)}
        data-testid={props.testId}
      >
        {props.ask}
      </button>
    );
  }
  const buttons = (
    <>
      <button type="button" className="danger" onClick={() => void props.onDelete()} data-testid={testId('-confirm')}>
        Delete “{props.name}”
      </button>
      <button type="button" onClick={() => setConfirming(false)} data-testid={testId('-keep')}>
        Keep it
      </button>
    </>
  );
  if (props.details === undefined) return buttons;
  return (
    <div
      className="confirm-delete"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          setConfirming(false);
        }
      }}
    >
      <div id={questionId} ref={question} tabIndex={-1} className="confirm-delete-question" data-testid={testId('-question')}>
        {props.details}
      </div>
      <div className="button-row">{buttons}</div>
    </div>
  );
}
