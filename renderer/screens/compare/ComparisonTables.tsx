// The comparison's figures: totals over the horizon and each FY, each scenario's value with
// its difference from the first (rounded, as screens show them).
import type { Comparison, ComparisonRow } from '../../../shared/compare';
import { difference, measure } from '../../logic/format';

function RowCells(props: { row: ComparisonRow }) {
  const { row } = props;
  return (
    <>
      {row.values.map((v, i) => (
        <td key={i} className="num">
          <span className="cmp-value">{measure(v, row.kind)}</span>
          {i > 0 && row.differences[i] !== null && row.differences[i] !== 0 ? (
            <span className={`cmp-diff ${(row.differences[i] ?? 0) > 0 ? 'up' : 'down'}`}>{difference(row.differences[i], row.kind)}</span>
          ) : null}
        </td>
      ))}
    </>
  );
}

export function ComparisonTables(props: { comparison: Comparison }) {
  const { comparison } = props;
  const span = comparison.scenarios.length + 1;
  return (
    <div className="table-scroll">
      <table className="data compare" data-testid="compare-totals">
        <caption className="visually-hidden">Figures for each scenario, with differences from {comparison.scenarios[0].name}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {comparison.scenarios.map((s, i) => (
              <th key={s.id} scope="col" className="num">
                <span className="series-key" data-series={i + 1} aria-hidden="true" />
                {s.name}
                {i === 0 ? <div className="muted small">differences are from this one</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="section-row">
            <th scope="colgroup" colSpan={span}>
              Whole horizon
            </th>
          </tr>
          {comparison.totals.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <RowCells row={row} />
            </tr>
          ))}
        </tbody>
        {comparison.years.map((year) => (
          <tbody key={year.fy} data-testid={`compare-fy-${year.label}`}>
            <tr className="section-row">
              <th scope="colgroup" colSpan={span}>
                {year.label}
              </th>
            </tr>
            {year.rows.map((row) => (
              <tr key={row.key} data-key={`${year.label}:${row.key}`}>
                <th scope="row">{row.label}</th>
                <RowCells row={row} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
