import { approximate, roundsOf } from '../ballot/result-rounds';
import { useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages.fr-CA';
import type { LabelledOption } from './ballot-fields';
import { ResultCharts } from './result-charts';

export interface VoteResultView {
  outcome: string;
  quorumMet: boolean;
  eligible: number;
  participations: number;
  ballots: number;
  winners: string[];
  details: Record<string, unknown>;
}

const OUTCOMES = ['adopted', 'rejected', 'quorum_not_met', 'elected', 'completed'];

/** The result in words, then how it was reached: each round, with bars, when the method has rounds. */
export function VoteResult({
  result,
  options,
  grades = [],
  colleges = [],
  weighted,
}: {
  result: VoteResultView;
  options: LabelledOption[];
  grades?: LabelledOption[];
  /** College ids with their names, for the per-college breakdown. */
  colleges?: LabelledOption[];
  /** Votes then count each college at its weight, not one per ballot. */
  weighted: boolean;
}) {
  const t = useT();
  const labelOf = (id: string) => options.find((option) => option.id === id)?.label ?? id;
  const gradeLabelOf = (id: string) => grades.find((grade) => grade.id === id)?.label ?? id;
  const collegeLabelOf = (id: string) => colleges.find((college) => college.id === id)?.label ?? id;
  const rounds = roundsOf(result.details);
  const outcome = OUTCOMES.includes(result.outcome)
    ? t(`result.outcome.${result.outcome}` as MessageId)
    : result.outcome;

  return (
    <section aria-labelledby="result-title" className="card">
      <h2 id="result-title">{t('result.title')}</h2>
      <p className="outcome" role="status">
        {outcome}
      </p>
      <dl className="facts">
        {result.winners.length > 0 && (
          <div>
            <dt>{t('result.winners')}</dt>
            <dd>{result.winners.map(labelOf).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('result.participation')}</dt>
          <dd>
            {t('result.participationValue', {
              participations: result.participations,
              eligible: result.eligible,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('result.quorum')}</dt>
          <dd>{t(result.quorumMet ? 'result.quorumMet' : 'result.quorumNotMet')}</dd>
        </div>
        <div>
          <dt>{t('result.ballots')}</dt>
          <dd>{result.ballots}</dd>
        </div>
      </dl>
      <ResultCharts
        details={result.details}
        labelOf={labelOf}
        gradeLabelOf={gradeLabelOf}
        collegeLabelOf={collegeLabelOf}
      />
      {rounds.length > 0 && (
        <>
          <h3>{t('result.rounds')}</h3>
          <p className="hint">
            {t('result.roundsHelp')} {weighted && t('result.weightedHelp')}
          </p>
          {rounds.map((round) => {
            const max = Math.max(1, ...Object.values(round.tallies).map(approximate));
            return (
              <figure key={round.round} className="round">
                <figcaption>
                  <strong>{t('result.round', { round: round.round })}</strong>
                  {round.elected && ` — ${t('result.elected', { option: labelOf(round.elected) })}`}
                  {round.eliminated &&
                    ` — ${t('result.eliminated', { option: labelOf(round.eliminated) })}`}
                </figcaption>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('result.option')}</th>
                      <th scope="col">{t('result.votes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(round.tallies).map(([id, votes]) => (
                      <tr key={id}>
                        <th scope="row">{labelOf(id)}</th>
                        <td>
                          <span className="bar-value">{votes}</span>
                          <span
                            className="bar"
                            aria-hidden="true"
                            style={{ width: `${(approximate(votes) / max) * 100}%` }}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </figure>
            );
          })}
        </>
      )}
    </section>
  );
}
