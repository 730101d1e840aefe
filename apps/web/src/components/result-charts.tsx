import {
  collegeRows,
  irvTransfers,
  methodOf,
  optionChart,
  pairwiseMatrix,
  stvCount,
} from '../ballot/result-charts';
import { approximate } from '../ballot/result-rounds';
import { useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages.fr-CA';
import { BarFigure, ChartRow } from './charts';

const isNumeric = (value: string) => /^-?\d+(\/\d+)?$/.test(value);

const OPTION_CHART_TITLE: Record<string, MessageId> = {
  choice: 'result.chart.choice',
  approval: 'result.chart.approval',
  irv: 'result.chart.firstPreferences',
  stv: 'result.chart.firstPreferences',
  majority_judgment: 'result.chart.grades',
};

/**
 * The published count drawn: votes per option, then what the method adds —
 * instant-runoff transfers, the pairwise matrix (Schulze, ranked pairs), the
 * STV stages — and the per-college breakdown of a weighted vote. Each chart
 * comes with its data table.
 */
export function ResultCharts({
  details,
  labelOf,
  gradeLabelOf,
  collegeLabelOf,
}: {
  details: Record<string, unknown>;
  labelOf(id: string): string;
  gradeLabelOf(id: string): string;
  collegeLabelOf(id: string): string;
}) {
  const t = useT();
  const method = methodOf(details);
  const options = optionChart(details);
  const transfers = irvTransfers(details);
  const matrix = pairwiseMatrix(details);
  const stv = stvCount(details);
  const colleges = collegeRows(details);
  if (!method) return null;

  const row = (label: string, values: Record<string, string>): ChartRow => ({
    label,
    values: Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        isNumeric(value) ? approximate(value) : 0,
      ]),
    ),
    display: values,
  });
  const votesSeries = [{ key: 'votes', label: t('result.votes') }];

  return (
    <div className="result-charts">
      {options && options.rows.length > 0 && OPTION_CHART_TITLE[method] && (
        <BarFigure
          id="chart-options"
          title={t(OPTION_CHART_TITLE[method])}
          rowHeader={t('result.option')}
          stacked={options.stacked}
          series={
            options.stacked
              ? options.series.map((grade) => ({ key: grade, label: gradeLabelOf(grade) }))
              : votesSeries
          }
          rows={options.rows.map((item) => row(labelOf(item.option), item.values))}
        />
      )}

      {transfers.length > 0 && (
        <section aria-labelledby="transfers-title">
          <h3 id="transfers-title">{t('result.transfers')}</h3>
          {transfers.map((step) => (
            <BarFigure
              key={step.round}
              id={`chart-transfer-${step.round}`}
              title={t('result.transferFrom', { round: step.round, option: labelOf(step.from) })}
              rowHeader={t('result.transferTo')}
              series={votesSeries}
              rows={Object.entries(step.to).map(([to, votes]) =>
                row(to === 'exhausted' ? t('result.exhausted') : labelOf(to), { votes }),
              )}
            />
          ))}
        </section>
      )}

      {matrix && matrix.candidates.length > 0 && (
        <section aria-labelledby="pairwise-title">
          <h3 id="pairwise-title">{t('result.pairwise')}</h3>
          <p className="hint" id="pairwise-help">
            {t('result.pairwiseHelp')}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pairwise-title">
            <table className="matrix" aria-describedby="pairwise-help">
              <thead>
                <tr>
                  <td />
                  {matrix.candidates.map((column) => (
                    <th scope="col" key={column}>
                      {labelOf(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.candidates.map((rowId) => (
                  <tr key={rowId}>
                    <th scope="row">{labelOf(rowId)}</th>
                    {matrix.candidates.map((column) => {
                      if (column === rowId) return <td key={column} className="matrix-self" />;
                      const votes = matrix.votes[rowId]?.[column] ?? '0';
                      const against = matrix.votes[column]?.[rowId] ?? '0';
                      const wins = approximate(votes) > approximate(against);
                      return (
                        <td key={column} className={wins ? 'matrix-win number' : 'number'}>
                          {votes}
                          {wins && (
                            <span className="visually-hidden"> {t('result.pairwiseWins')}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {stv && stv.stages.length > 0 && (
        <section aria-labelledby="stv-title">
          <h3 id="stv-title">{t('result.stv')}</h3>
          <p className="hint">
            {stv.quota
              ? t('result.stvQuota', { quota: stv.quota, seats: stv.seats })
              : t('result.stvSeats', { seats: stv.seats })}
          </p>
          <ol className="stages">
            {stv.stages.map((stage) => (
              <li key={stage.stage}>
                <strong>{t('result.stage', { stage: stage.stage })}</strong> —{' '}
                {t(`result.stage.${stage.kind}` as MessageId, {
                  option: stage.candidate ? labelOf(stage.candidate) : '',
                })}
                {stage.elected.length > 0 &&
                  ` · ${t('result.stageElected', { options: stage.elected.map(labelOf).join(', ') })}`}
              </li>
            ))}
          </ol>
          <BarFigure
            id="chart-stv"
            title={t('result.stvTotals')}
            rowHeader={t('result.option')}
            series={stv.stages.map((stage) => ({
              key: `s${stage.stage}`,
              label: t('result.stage', { stage: stage.stage }),
            }))}
            rows={Object.keys(stv.stages[0]?.totals ?? {}).map((option) =>
              row(
                labelOf(option),
                Object.fromEntries(
                  stv.stages.map((stage) => [`s${stage.stage}`, stage.totals[option] ?? '0']),
                ),
              ),
            )}
          />
        </section>
      )}

      {colleges.length > 0 && (
        <section aria-labelledby="colleges-title">
          <h3 id="colleges-title">{t('result.colleges')}</h3>
          <BarFigure
            id="chart-colleges"
            title={t('result.collegeSupport')}
            summary={t('result.collegeSupportHelp')}
            rowHeader={t('result.college')}
            series={Object.keys(colleges[0]?.support ?? {}).map((option) => ({
              key: option,
              label: labelOf(option),
            }))}
            rows={colleges.map((college) =>
              row(
                collegeLabelOf(college.college),
                Object.fromEntries(
                  Object.entries(college.support).map(([option, value]) => [
                    option,
                    isNumeric(value) ? value : gradeLabelOf(value),
                  ]),
                ),
              ),
            )}
          />
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="colleges-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('result.college')}</th>
                  <th scope="col">{t('result.collegeWeight')}</th>
                  <th scope="col">{t('result.ballots')}</th>
                  <th scope="col">{t('result.collegeWeightPerBallot')}</th>
                </tr>
              </thead>
              <tbody>
                {colleges.map((college) => (
                  <tr key={college.college}>
                    <th scope="row">{collegeLabelOf(college.college)}</th>
                    <td className="number">{college.weight}</td>
                    <td className="number">{college.ballots}</td>
                    <td className="number">{college.weightPerBallot ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
