import { registerEnumType } from '@nestjs/graphql';

/** Where a scale stands; the proposal it belongs to carries the deliberation itself. */
export enum ScaleStatus {
  Draft = 'draft',
  /** A contribution-scale proposal exists; edits remain possible until its vote opens. */
  Submitted = 'submitted',
  Adopted = 'adopted',
  /** Rejected by its vote, or not the option chosen among competing scales. */
  Rejected = 'rejected',
  /** Adopted by its vote, but another scale had already been adopted for the year: no calls. */
  Superseded = 'superseded',
}

/** How an organisation admitted during the fiscal year is called. */
export enum ProrationRule {
  /** The full tier amount, whenever the organisation joins. */
  None = 'none',
  /** The tier amount × months left in the fiscal year (the month of admission included) / 12. */
  RemainingMonths = 'remaining_months',
}

export enum CallStatus {
  Due = 'due',
  PartiallyPaid = 'partially_paid',
  Paid = 'paid',
  Waived = 'waived',
  Overdue = 'overdue',
}

export enum PaymentMethod {
  Transfer = 'transfer',
  Cheque = 'cheque',
  Card = 'card',
  Cash = 'cash',
  DirectDebit = 'direct_debit',
  Other = 'other',
  /** A member's credit carried from an earlier call (written by Delibera, never by hand). */
  Credit = 'credit',
}

export enum InKindKind {
  VolunteerHours = 'volunteer_hours',
  SecondedStaff = 'seconded_staff',
  LentPremises = 'lent_premises',
  LentEquipment = 'lent_equipment',
}

export enum InKindStatus {
  Pending = 'pending',
  Approved = 'approved',
  Refused = 'refused',
}

for (const [enumRef, name] of [
  [ScaleStatus, 'ContributionScaleStatus'],
  [ProrationRule, 'ProrationRule'],
  [CallStatus, 'ContributionCallStatus'],
  [PaymentMethod, 'PaymentMethod'],
  [InKindKind, 'InKindKind'],
  [InKindStatus, 'InKindStatus'],
] as const) {
  registerEnumType(enumRef, { name });
}
