import { defineErrors } from '@delibera/kernel';

export const ProposalErrors = defineErrors({
  PROPOSAL_NOT_FOUND: {
    fr: 'Cette proposition est introuvable.',
    en: 'This proposal was not found.',
  },
  INVALID_TRANSITION: {
    fr: "Cette proposition ne peut pas passer de l'état « {from} » à l'état « {to} ».",
    en: 'This proposal cannot go from "{from}" to "{to}".',
  },
});
