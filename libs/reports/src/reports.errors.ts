import { defineErrors } from '@delibera/kernel';

export const ReportErrors = defineErrors({
  PERIOD_INVALID: {
    fr: 'La fin de la période doit suivre son début.',
    en: 'The end of the period must come after its start.',
  },
  FISCAL_YEAR_INVALID: {
    fr: "L'exercice {year} n'est pas valide.",
    en: 'Fiscal year {year} is not valid.',
  },
});
