// What Import spreadsheet will add, as main read it: per sheet the rows read and the columns
// recognised or ignored, a row per service and per stream (all added: nothing is replaced),
// names already in the plan, and the reader's notes; or every problem at its sheet, row and column.
import { FUNDING_ROW_FIELDS, GRID_ORDER, INTERVENTION_FIELDS, type InterventionField } from '../../../shared/fields';
import { formatMoney } from '../../../shared/money';
import type { SheetImportAnswer, SheetPreview as SheetRead, SheetProblem } from '../../../shared/sheet-import';
import { PreviewSummary, PreviewTable } from '../../components/ImportPreview';
import { plural } from '../../logic/format';

type Ready = Extract<SheetImportAnswer, { ok: true }>;

const FIELD_LABELS = new Map<string, string>([
  ...Object.values(INTERVENTION_FIELDS).map((f) => [f.key, f.label] as const),
  ...FUNDING_ROW_FIELDS.map((f) => [f.key, f.label] as const),
]);

function SheetLine(props: { sheet: SheetRead }) {
  const s = props.sheet;
  if (s.kind === 'ignored') return <li>Sheet “{s.sheet}”: not read (no header row of services or funding).</li>;
  const read = s.columns.filter((c) => c.field);
  const ignored = s.columns.filter((c) => !c.field);
  return (
    <li>
      Sheet “{s.sheet}”: {s.kind === 'funding' ? 'funding' : 'services'}, header in row {s.headerRow}, {plural(s.rows, 'row')} read.
      Columns: {read.map((c) => `${c.header} (${c.column}) as ${FIELD_LABELS.get(c.field!) ?? c.field}`).join(', ')}
      {ignored.length ? `; ignored: ${ignored.map((c) => `${c.header} (${c.column})`).join(', ')}` : ''}.
    </li>
  );
}

/** The grid's columns that any imported service fills, after its name. */
function serviceColumns(answer: Ready): InterventionField[] {
  return GRID_ORDER.filter((key) => key !== 'name' && answer.interventions.some((i) => i[key] !== undefined)).map(
    (key) => INTERVENTION_FIELDS[key],
  );
}

export function SheetPreview(props: { answer: Ready }) {
  const a = props.answer;
  const columns = serviceColumns(a);
  const streamFields = FUNDING_ROW_FIELDS.filter((f) => f.key === 'fy' || f.key === 'amount');
  const [fyField, amountField] = streamFields;
  return (
    <div data-testid="sheet-import-preview">
      <PreviewSummary good testId="sheet-import-summary">
        {plural(a.interventions.length, 'service')} and {plural(a.fundingStreams.length, 'funding stream')} ready to add. Nothing in the
        plan is replaced.
      </PreviewSummary>
      <ul className="hint" data-testid="sheet-import-sheets">
        {a.preview.sheets.map((s) => (
          <SheetLine key={s.sheet} sheet={s} />
        ))}
      </ul>
      {a.interventions.length ? <h3 className="preview-heading">Services to add</h3> : null}
      {a.interventions.length ? (
        <PreviewTable caption="Services to add" testId="sheet-import-services">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Service</th>
              <th scope="col">Id</th>
              {columns.map((f) => (
                <th key={f.key} scope="col">
                  {f.short ?? f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {a.interventions.map((item, i) => (
              <tr key={item.id}>
                <td className="nowrap">{a.preview.interventions[i].from.replace(/^Sheet '(.*)', row /, '$1 ')}</td>
                <th scope="row">{item.name}</th>
                <td>{item.id}</td>
                {columns.map((f) => (
                  <td key={f.key} className={f.kind === 'money' || f.kind === 'whole' ? 'num' : undefined}>
                    {item[f.key] === undefined ? <span className="muted">–</span> : f.format(item[f.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </PreviewTable>
      ) : null}
      {a.fundingStreams.length ? <h3 className="preview-heading">Funding streams to add</h3> : null}
      {a.fundingStreams.length ? (
        <PreviewTable caption="Funding streams to add" testId="sheet-import-streams">
          <thead>
            <tr>
              <th scope="col">Stream</th>
              <th scope="col">Id</th>
              <th scope="col">Funder</th>
              <th scope="col">Kind</th>
              <th scope="col">Allocations</th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {a.fundingStreams.map((stream, i) => (
              <tr key={stream.id}>
                <th scope="row">{stream.name}</th>
                <td>{stream.id}</td>
                <td>{stream.funder}</td>
                <td>{stream.kind}</td>
                <td>{stream.allocations.map((al) => `${fyField.format(al.fy)}: ${amountField.format(al.amount)}`).join('; ')}</td>
                <td className="num">{formatMoney(a.preview.fundingStreams[i].total)}</td>
              </tr>
            ))}
          </tbody>
        </PreviewTable>
      ) : null}
      {a.sameNames.length || a.preview.notes.length ? (
        <ul className="hint" data-testid="sheet-import-notes">
          {a.sameNames.map((s) => (
            <li key={`${s.what}-${s.id}`}>
              The plan already has a {s.what === 'stream' ? 'funding stream' : 'service'} named “{s.name}” ({s.existingId}): this adds
              another, as {s.id}.
            </li>
          ))}
          {a.preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SheetProblems(props: { problems: readonly SheetProblem[] }) {
  const shown = props.problems.slice(0, 50);
  return (
    <div data-testid="sheet-import-problems">
      <PreviewSummary good={false} testId="sheet-import-errors">
        Not imported: {plural(props.problems.length, 'problem')} in the file. Nothing was added; the plan is unchanged.
      </PreviewSummary>
      <PreviewTable caption="Problems in the file">
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody className="preview-problems">
          {shown.map((p, i) => (
            <tr key={i} data-testid="sheet-import-problem">
              <td>{p.sheet ?? '–'}</td>
              <td className="num">{p.row ?? '–'}</td>
              <td>{p.column ?? '–'}</td>
              <td className="cell-error">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </PreviewTable>
    </div>
  );
}
