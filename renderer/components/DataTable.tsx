// One table of values: a hidden caption, a header row of column names (numeric columns right
// aligned by the "num" class) and the rows the caller gives.
import type { ReactNode } from 'react';

/** A numeric column; a plain string is a text column. */
export interface NumColumn {
  num: string;
}
/** A column whose name only a screen reader hears (a column of Remove buttons, say). */
export interface HiddenColumn {
  hidden: string;
}
export type Column = string | NumColumn | HiddenColumn;

/** A numeric column named `label`. */
export const num = (label: string): NumColumn => ({ num: label });
/** A column named `label` for screen readers only. */
export const hidden = (label: string): HiddenColumn => ({ hidden: label });

export function DataTable(props: {
  caption: ReactNode;
  columns: readonly Column[];
  className?: string;
  testId?: string;
  children: ReactNode;
  /** Rows for a tfoot, such as totals. */
  foot?: ReactNode;
}) {
  return (
    <table className={props.className ?? 'data'} data-testid={props.testId}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c, i) =>
            typeof c === 'string' ? (
              <th key={i} scope="col">
                {c}
              </th>
            ) : 'num' in c ? (
              <th key={i} scope="col" className="num">
                {c.num}
              </th>
            ) : (
              <th key={i} scope="col">
                <span className="visually-hidden">{c.hidden}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
      {props.foot ? <tfoot>{props.foot}</tfoot> : null}
    </table>
  );
}
