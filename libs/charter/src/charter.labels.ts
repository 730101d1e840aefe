import { Localized } from '@delibera/kernel';
import { DecisionType, VoteMethod } from './charter.enums';

/** What each kind of decision is called, French first: in errors, exports and minutes. */
export const DECISION_TYPE_LABELS: Record<DecisionType, Localized> = {
  [DecisionType.OrdinaryResolution]: { fr: 'Résolution ordinaire', en: 'Ordinary resolution' },
  [DecisionType.SpecialResolution]: { fr: 'Résolution spéciale', en: 'Special resolution' },
  [DecisionType.CharterAmendment]: { fr: 'Modification de l’acte', en: 'Deed amendment' },
  [DecisionType.ContributionScale]: { fr: 'Barème des contributions', en: 'Contribution scale' },
  [DecisionType.Budget]: { fr: 'Budget', en: 'Budget' },
  [DecisionType.TrusteeElection]: { fr: 'Élection des fiduciaires', en: 'Trustee election' },
  [DecisionType.CouncilOpinion]: { fr: 'Avis d’un conseil', en: 'Council opinion' },
  [DecisionType.Referendum]: { fr: 'Référendum', en: 'Referendum' },
  [DecisionType.Admission]: { fr: 'Admission', en: 'Admission' },
};

/** What each counting method is called. */
export const VOTE_METHOD_LABELS: Record<VoteMethod, Localized> = {
  [VoteMethod.Choice]: { fr: 'Choix', en: 'Choice' },
  [VoteMethod.Approval]: { fr: 'Vote par approbation', en: 'Approval voting' },
  [VoteMethod.InstantRunoff]: { fr: 'Vote préférentiel', en: 'Instant runoff' },
  [VoteMethod.Schulze]: { fr: 'Méthode Schulze', en: 'Schulze method' },
  [VoteMethod.RankedPairs]: { fr: 'Paires classées', en: 'Ranked pairs' },
  [VoteMethod.SingleTransferableVote]: {
    fr: 'Vote unique transférable',
    en: 'Single transferable vote',
  },
  [VoteMethod.MajorityJudgment]: { fr: 'Jugement majoritaire', en: 'Majority judgment' },
};
