// The look every import preview shares (paste, Import spreadsheet): a one-line verdict, green
// when everything can be added and red when nothing will be, over a scrolling table.
import type { ReactNode } from 'react';
import './ImportPreview.css';

export function PreviewSummary(props: { good: boolean; testId?: string; children: ReactNode }) {
  return (
    <p className={`paste-summary ${props.good ? 'good' : 'bad'}`} role="status" data-testid={props.testId}>
      {props.children}
    </p>
  );
}

/**
 * A table of previewed rows that scrolls within the dialog, so the dialog's buttons stay in view;
 * the scrolling box takes the focus, so arrow keys scroll it.
 */
export function PreviewTable(props: { caption: string; testId?: string; children: ReactNode }) {
  return (
    <div className="table-scroll paste-preview" role="region" aria-label={props.caption} tabIndex={0}>
      <table className="data compact" data-testid={props.testId}>
        <caption className="visually-hidden">{props.caption}</caption>
        {props.children}
      </table>
    </div>
  );
}
