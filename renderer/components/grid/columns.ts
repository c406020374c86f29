// What a grid column is: its heading, what a cell shows, the text an edit starts from, how
// typed text is read (a field's reader, shared/fields) and the edit that stores it.
import type { PlanEdit } from '../../../shared/edits';
import type { Read } from '../../../shared/parse';
import type { EditChoice, EditQuestion } from '../../logic/edit-questions';
import type { PathSegment } from '../../logic/paths';

export interface GridColumn<Row> {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** What the cell shows. */
  readonly show: (row: Row, index: number) => string;
  /** Marks a cell whose value comes from a formula. */
  readonly formula?: (row: Row) => boolean;
  /** The text an edit starts from. */
  readonly text: (row: Row) => string;
  readonly read: (text: string) => Read<unknown>;
  readonly edit: (index: number, value: unknown) => PlanEdit;
  readonly sort: (row: Row, index: number) => string | number | null;
  /** A column edited by choosing one of these, not by typing. */
  readonly options?: readonly string[];
  /** Where the validator's problems for the cell are. */
  readonly path: (index: number) => PathSegment[];
  /** A question to answer before the read value is stored (a formula it would replace). */
  readonly ask?: (index: number, value: unknown) => AskFirst | null;
}

/** A question and the edit each answer stores; null stores nothing and cancels the edit. */
export interface AskFirst {
  readonly question: EditQuestion;
  readonly edit: (choice: EditChoice) => PlanEdit | null;
}

export type CellMove = 'down' | 'right' | 'left' | null;
