// A question with a few answers, as a modal dialog (renderer/logic/edit-questions.ts decides
// when one is needed): Tab moves between the answers, Enter takes the focused one (the first
// to begin with) and Escape gives the question's cancel answer, so nothing is stored.
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import './ChoiceDialog.css';

export interface Choice<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export function ChoiceDialog<Id extends string>(props: {
  question: { readonly title: string; readonly choices: readonly Choice<Id>[]; readonly cancel: Id; readonly detail?: string } | null;
  onAnswer: (choice: Id) => void;
  testId?: string;
  /** Answers one under another (a list of values to choose from), not side by side. */
  stacked?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { question } = props;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (question && !d.open) {
      d.showModal();
      d.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (!question && d.open) d.close();
  }, [question]);

  return createPortal(
    <dialog
      ref={dialog}
      className="dialog choice-dialog"
      aria-labelledby={titleId}
      data-testid={props.testId ?? 'choice-dialog'}
      onCancel={(e) => {
        e.preventDefault();
        if (question) props.onAnswer(question.cancel);
      }}
      // Keys answer the dialog only: the grid or field under it must not see them.
      onKeyDown={(e) => e.stopPropagation()}
    >
      {question ? (
        <>
          <h2 id={titleId}>{question.title}</h2>
          {question.detail ? <p className="hint">{question.detail}</p> : null}
          <div className={`dialog-actions${props.stacked ? ' stacked' : ''}`}>
            {question.choices.map((c, i) => (
              <button
                key={c.id}
                type="button"
                className={i === 0 ? 'primary' : undefined}
                onClick={() => props.onAnswer(c.id)}
                data-testid={`choice-${c.id}`}
              >
                {c.label}
              </button>
            ))}
          </div>
        </>
      ) : null}
    </dialog>,
    document.body,
  );
}
