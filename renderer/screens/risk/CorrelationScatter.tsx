// The preview under the correlations: 500 draws of a pair of uncertain variables with the
// scenario's correlations and sampling (logic/correlation-preview.ts), as a scatter.
import { useId, useMemo, useState } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { Scenario } from '../../../shared/plan';
import { axisLabel, colours, gridStroke, tooltipStyle, xAxisProps, yAxisProps } from '../../components/chart-theme';
import { rankText } from '../../logic/correlation-edits';
import { pairPreview, PREVIEW_DRAWS } from '../../logic/correlation-preview';
import { readWhole } from '../../logic/risk-run';
import { useStore } from '../../store/store';

const short = (v: number) => String(Math.round(v * 1000) / 1000);

export function CorrelationScatter(props: { scenario: Scenario }) {
  const { scenario } = props;
  const variables = (scenario.uncertainty ?? []).map((u) => u.variable);
  const first = scenario.correlations?.[0]?.between ?? variables.slice(0, 2);
  const [picked, setPicked] = useState<{ x: string; y: string } | null>(null);
  const x = picked && variables.includes(picked.x) ? picked.x : first[0];
  const y =
    picked && variables.includes(picked.y) && picked.y !== x ? picked.y : (first.find((v) => v !== x) ?? variables.find((v) => v !== x)!);
  const seedText = useStore((s) => s.riskSeed);
  const seed = readWhole(seedText, 0, Number.MAX_SAFE_INTEGER, 'The seed').value ?? 1;
  const preview = useMemo(() => pairPreview(scenario, x, y, seed), [scenario, x, y, seed]);
  // Listed values and yes/no take whole numbers here: no ticks between them.
  const whole = (name: string) =>
    scenario.uncertainty?.some(
      (u) => u.variable === name && (u.dist === 'bernoulli' || (u.dist === 'discrete' && u.values.every(Number.isInteger))),
    );
  const ids = { x: useId(), y: useId() };
  return (
    <div className="correlation-preview" data-testid="correlation-preview">
      <div className="preview-pickers">
        <span className="preview-lead">Preview: {PREVIEW_DRAWS} draws of</span>
        <label htmlFor={ids.x} className="visually-hidden">
          Preview across
        </label>
        <select id={ids.x} value={x} onChange={(e) => setPicked({ x: e.target.value, y })} data-testid="correlation-preview-x">
          {variables.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <span>against</span>
        <label htmlFor={ids.y} className="visually-hidden">
          Preview up
        </label>
        <select id={ids.y} value={y} onChange={(e) => setPicked({ x, y: e.target.value })} data-testid="correlation-preview-y">
          {variables
            .filter((v) => v !== x)
            .map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
        </select>
      </div>
      {preview ? (
        <>
          <p className="hint" data-testid="correlation-preview-rank">
            {preview.rank === null
              ? `One of them takes a single value in these draws, so they have no rank correlation.`
              : `Rank correlation of these draws: ${rankText(Math.round(preview.rank * 100) / 100)}, with ${scenario.sampling === 'latin-hypercube' ? 'Latin hypercube' : 'random'} sampling.`}
          </p>
          <figure className="chart" aria-label={`Scatter of ${PREVIEW_DRAWS} draws of ${x} against ${y}`} data-testid="correlation-scatter">
            <ResponsiveContainer width="100%" height={260}>
              <ScatterChart title={`${x} against ${y}`} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid stroke={gridStroke} />
                <XAxis
                  type="number"
                  dataKey="x"
                  name={x}
                  allowDecimals={!whole(x)}
                  domain={whole(x) ? ['dataMin', 'dataMax'] : ['auto', 'auto']}
                  tickFormatter={short}
                  {...xAxisProps}
                  label={{ value: x, position: 'insideBottom', offset: -14, ...axisLabel, fontSize: 12 }}
                />
                <YAxis
                  type="number"
                  dataKey="y"
                  name={y}
                  allowDecimals={!whole(y)}
                  domain={whole(y) ? ['dataMin', 'dataMax'] : ['auto', 'auto']}
                  tickFormatter={short}
                  {...yAxisProps}
                  width={56}
                  label={{ value: y, angle: -90, position: 'insideLeft', ...axisLabel, fontSize: 12 }}
                />
                <ZAxis range={[18, 18]} />
                <Tooltip isAnimationActive={false} formatter={(v) => short(Number(v))} contentStyle={tooltipStyle} />
                <Scatter
                  data={preview.points as never[]}
                  fill={colours.spend}
                  fillOpacity={0.45}
                  isAnimationActive={false}
                  shape="circle"
                />
              </ScatterChart>
            </ResponsiveContainer>
          </figure>
        </>
      ) : null}
    </div>
  );
}
