import { ThresholdBase, ThresholdComparison } from '@delibera/charter';
import { Locale } from '@delibera/kernel';
import { Vote, VoteResult } from '@delibera/voting';
import { VoteSummary } from './minutes-facts';

const BASE: Record<Locale, Record<ThresholdBase, string>> = {
  fr: { cast: 'des voix exprimées', present: 'des présents', eligible: 'des inscrits' },
  en: { cast: 'of votes cast', present: 'of those present', eligible: 'of those eligible' },
};

function ruleOf(vote: Vote): Record<Locale, string> {
  const ratio = `${vote.thresholdNumerator}/${vote.thresholdDenominator}`;
  const more = vote.thresholdComparison === ThresholdComparison.MoreThan;
  return {
    fr: `${more ? 'plus de' : 'au moins'} ${ratio} ${BASE.fr[vote.thresholdBase]}${vote.collegeWeighting ? ', pondérées par collège' : ''}`,
    en: `${more ? 'more than' : 'at least'} ${ratio} ${BASE.en[vote.thresholdBase]}${vote.collegeWeighting ? ', weighted by college' : ''}`,
  };
}

/** The scores the published count states per option (choice) or candidate (approval). */
function scoresOf(result: VoteResult): Record<string, string> {
  const { tally } = JSON.parse(result.canonical) as {
    tally: { votes?: Record<string, string>; approvals?: Record<string, string> };
  };
  return tally.votes ?? tally.approvals ?? {};
}

/** What the minutes say of one vote, from its stored result (the published canonical count). */
export function summariseVote(vote: Vote, result: VoteResult | null): VoteSummary {
  const label = (id: string) => {
    const option = vote.options.find((o) => o.id === id);
    return { fr: option?.labelFr ?? id, en: option?.labelEn ?? id };
  };
  if (!result) return { outcome: null, ballots: 0, scores: [], elected: [], rule: null };
  const scores = scoresOf(result);
  const isMotion = vote.choiceKind === 'motion';
  return {
    outcome: result.outcome,
    ballots: result.ballots,
    scores: vote.options
      .filter((o) => o.id in scores)
      .map((o) => ({ label: label(o.id), score: scores[o.id] })),
    elected: isMotion ? [] : result.winners.map(label),
    rule: isMotion ? ruleOf(vote) : null,
  };
}
