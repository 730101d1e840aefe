import type {
  ContributionCallStatus,
  OrganisationCategory,
  PaymentMethod,
  ProrationRule,
  SizeBand,
} from '../gql/graphql';

export const CATEGORIES: OrganisationCategory[] = [
  'Municipality',
  'Mrc',
  'College',
  'University',
  'Union',
  'SocialEconomy',
  'Community',
  'Other',
];
export const SIZE_BANDS: SizeBand[] = ['Micro', 'Small', 'Medium', 'Large', 'VeryLarge'];
export const PAYMENT_METHODS: PaymentMethod[] = [
  'Transfer',
  'Cheque',
  'DirectDebit',
  'Card',
  'Cash',
  'Other',
];
export const PRORATION_RULES: ProrationRule[] = ['RemainingMonths', 'None'];
export const CALL_STATUSES: ContributionCallStatus[] = [
  'Due',
  'PartiallyPaid',
  'Overdue',
  'Paid',
  'Waived',
];

/** Today in Montréal as YYYY-MM-DD, the default date of a payment. */
export function todayInMontreal(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal' }).format(new Date());
}

/** The fiscal year a campaign is about by default: the calendar year in Montréal. */
export function currentYear(): number {
  return Number(todayInMontreal().slice(0, 4));
}

/** The year a year field holds once it has four digits; null while it is still being typed. */
export function parseYear(text: string): number | null {
  return /^\d{4}$/.test(text) ? Number(text) : null;
}
