import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { useLocale, useT } from '../i18n/locale';

/**
 * Charts for results and dashboards, drawn by recharts. The drawing is hidden
 * from assistive technology: each figure carries its caption, a short summary
 * and the same figures as a data table, which screen readers and keyboard
 * users read instead (and anyone can, on a phone, when bars get narrow).
 */

/** Colours that keep 3:1 against white and against each other's neighbours. */
export const CHART_COLOURS = [
  '#0b4f8a',
  '#b35c00',
  '#1e6b34',
  '#7a2e8e',
  '#a4161a',
  '#00697a',
  '#5b5f00',
  '#4a5563',
];

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  /** Series key → value drawn (an approximation for exact fractions). */
  values: Record<string, number>;
  /** Series key → the text shown in the table (exact, formatted). */
  display: Record<string, string>;
}

interface BarFigureProps {
  id: string;
  title: string;
  /** Read by screen readers with the figure, and shown under the caption. */
  summary?: string;
  series: ChartSeries[];
  rows: ChartRow[];
  stacked?: boolean;
  /** Row header of the data table. */
  rowHeader: string;
  /** Draws horizontal bars (long labels, many rows) instead of columns. */
  horizontal?: boolean;
}

/** A bar chart with its caption, summary and data table. */
export function BarFigure({
  id,
  title,
  summary,
  series,
  rows,
  stacked = false,
  rowHeader,
  horizontal = true,
}: BarFigureProps) {
  const t = useT();
  const { locale } = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const tick = (value: number) => number.format(value);
  // Room for the longest category name beside horizontal bars (about 7 px a character).
  const labelWidth = Math.min(220, Math.max(80, ...rows.map((row) => row.label.length * 7 + 12)));
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const height = horizontal
    ? Math.max(120, 48 + rows.length * (stacked ? 34 : 28 * series.length))
    : 260;
  return (
    <figure
      className="chart"
      aria-labelledby={`${id}-caption`}
      aria-describedby={summary ? `${id}-summary` : undefined}
    >
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
      </figcaption>
      {summary && (
        <p id={`${id}-summary`} className="hint">
          {summary}
        </p>
      )}
      <div className="chart-drawing" aria-hidden="true">
        <BarChart
          responsive
          accessibilityLayer={false}
          style={{ width: '100%', height }}
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} tickFormatter={tick} />
              <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 13 }} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" tick={{ fontSize: 13 }} />
              <YAxis type="number" allowDecimals={false} tickFormatter={tick} />
            </>
          )}
          {series.length > 1 && <Legend />}
          {series.map((item, index) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.label}
              stackId={stacked ? 'stack' : undefined}
              fill={CHART_COLOURS[index % CHART_COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('chart.dataTable', { title })}
      >
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {series.map((item) => (
                <th scope="col" key={item.key}>
                  {item.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {series.map((item) => (
                  <td key={item.key} className="number">
                    {row.display[item.key] ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A progress bar toward a target, with the figures in words (campaign progress, participation). */
export function ProgressFigure({
  id,
  title,
  ratio,
  text,
}: {
  id: string;
  title: string;
  /** 0..1 (capped when drawn). */
  ratio: number;
  text: string;
}) {
  const percent = Math.max(0, Math.min(1, ratio)) * 100;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
      </figcaption>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={`${id}-caption`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={text}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="meta">{text}</p>
    </figure>
  );
}
