import { BallotDraft } from '../ballot/ballot-draft';
import { useT } from '../i18n/locale';
import { RankingAction, rankingReducer } from '../ranking/ranking';
import { RankingInput } from './ranking-input';

export interface LabelledOption {
  id: string;
  label: string;
}

interface Props {
  draft: BallotDraft;
  onChange(draft: BallotDraft): void;
  options: LabelledOption[];
  grades: LabelledOption[];
  maxSelections?: number | null;
}

/** The ballot itself, by method family: radios, checkboxes, a ranking, or a grade per candidate. */
export function BallotFields({ draft, onChange, options, grades, maxSelections }: Props) {
  const t = useT();
  const labelOf = (id: string) => options.find((option) => option.id === id)?.label ?? id;

  switch (draft.family) {
    case 'choice':
      return (
        <fieldset>
          <legend>{t('ballot.choiceLegend')}</legend>
          {[...options, { id: '', label: t('ballot.abstain') }].map((option) => {
            const id = `choice-${option.id || 'abstain'}`;
            const checked = option.id ? draft.option === option.id : draft.abstain;
            return (
              <div className="checkbox" key={id}>
                <input
                  type="radio"
                  id={id}
                  name="choice"
                  checked={checked}
                  onChange={() =>
                    onChange({ family: 'choice', option: option.id || null, abstain: !option.id })
                  }
                />
                <label htmlFor={id}>{option.label}</label>
              </div>
            );
          })}
        </fieldset>
      );
    case 'approval':
      return (
        <fieldset>
          <legend>
            {maxSelections
              ? t('ballot.approvalLegendMax', { max: maxSelections })
              : t('ballot.approvalLegend')}
          </legend>
          {options.map((option) => {
            const id = `approve-${option.id}`;
            const approvals = draft.approvals;
            return (
              <div className="checkbox" key={id}>
                <input
                  type="checkbox"
                  id={id}
                  checked={approvals.includes(option.id)}
                  onChange={(event) =>
                    onChange({
                      family: 'approval',
                      approvals: event.target.checked
                        ? [...approvals, option.id]
                        : approvals.filter((approved) => approved !== option.id),
                    })
                  }
                />
                <label htmlFor={id}>{option.label}</label>
              </div>
            );
          })}
        </fieldset>
      );
    case 'ranking':
      return (
        <RankingInput
          state={draft.ranking}
          labelOf={labelOf}
          dispatch={(action: RankingAction) =>
            onChange({ family: 'ranking', ranking: rankingReducer(draft.ranking, action) })
          }
        />
      );
    case 'grades':
      return (
        <div className="stack">
          <p className="hint">{t('ballot.gradesHelp')}</p>
          {options.map((candidate) => (
            <fieldset key={candidate.id}>
              <legend>{candidate.label}</legend>
              <div className="grade-row">
                {grades.map((grade) => {
                  const id = `grade-${candidate.id}-${grade.id}`;
                  return (
                    <div className="checkbox" key={id}>
                      <input
                        type="radio"
                        id={id}
                        name={`grade-${candidate.id}`}
                        checked={draft.grades[candidate.id] === grade.id}
                        onChange={() =>
                          onChange({
                            family: 'grades',
                            grades: { ...draft.grades, [candidate.id]: grade.id },
                          })
                        }
                      />
                      <label htmlFor={id}>{grade.label}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      );
  }
}

/** The review step: what will be cast, in words. */
export function BallotSummary({
  draft,
  options,
  grades,
}: {
  draft: BallotDraft;
  options: LabelledOption[];
  grades: LabelledOption[];
}) {
  const t = useT();
  const labelOf = (list: LabelledOption[], id: string) =>
    list.find((option) => option.id === id)?.label ?? id;
  switch (draft.family) {
    case 'choice':
      return (
        <p className="summary">
          {draft.abstain ? t('ballot.abstain') : labelOf(options, draft.option ?? '')}
        </p>
      );
    case 'approval':
      return draft.approvals.length === 0 ? (
        <p className="summary">{t('ballot.noApproval')}</p>
      ) : (
        <ul className="summary">
          {options
            .filter((option) => draft.approvals.includes(option.id))
            .map((option) => (
              <li key={option.id}>{option.label}</li>
            ))}
        </ul>
      );
    case 'ranking':
      return (
        <ol className="summary">
          {draft.ranking.ranked.map((id) => (
            <li key={id}>{labelOf(options, id)}</li>
          ))}
        </ol>
      );
    case 'grades':
      return (
        <dl className="facts summary">
          {options.map((candidate) => (
            <div key={candidate.id}>
              <dt>{candidate.label}</dt>
              <dd>{labelOf(grades, draft.grades[candidate.id] ?? '')}</dd>
            </div>
          ))}
        </dl>
      );
  }
}
