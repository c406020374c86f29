// The columns Import spreadsheet reads, for someone making their first sheet: every field's
// label and the other headers it answers to, from the field tables the reader matches with.
import { FUNDING_ROW_FIELDS, INTERVENTION_FIELD_LIST, type Field } from '../../../shared/fields';
import './sheet-import.css';

function FieldList(props: { fields: readonly Field[]; required: readonly string[] }) {
  return (
    <dl>
      {props.fields.map((f) => (
        <div key={f.key} className="field-row">
          <dt>
            {f.label}
            {props.required.includes(f.key) ? ' (required)' : ''}
          </dt>
          <dd>{f.headers.length ? `or ${f.headers.map((h) => `“${h}”`).join(', ')}` : '–'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ColumnsHelp() {
  return (
    <details className="import-columns-help" data-testid="sheet-import-columns">
      <summary>Which columns are read</summary>
      <p className="hint">
        Headers are matched whatever their case, spacing or a unit in brackets (“Annual cost (£)”), in one of a sheet’s first 10 rows. Other
        columns are listed and ignored; “Total” rows are skipped.
      </p>
      <h3>Services (one row each)</h3>
      <FieldList fields={INTERVENTION_FIELD_LIST} required={['name', 'annualCost']} />
      <p className="hint">Without a Category a service is commissioned; without a Priority it is its row’s position.</p>
      <h3>Funding (one row per stream and FY)</h3>
      <FieldList fields={FUNDING_ROW_FIELDS} required={['fy', 'amount']} />
      <p className="hint">A funding row needs a Stream or a Funder; rows of the same stream are its allocations.</p>
    </details>
  );
}
