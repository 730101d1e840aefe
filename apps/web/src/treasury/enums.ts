import type {
  ContributionCallStatus,
  OrganisationCategory,
  PaymentMethod,
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
