import { BankImport } from './bank-import.entity';
import { BankImportRow } from './bank-import-row.entity';
import { ContributionCall } from './contribution-call.entity';
import { ContributionPayment } from './contribution-payment.entity';
import { ContributionScale } from './contribution-scale.entity';
import { ContributionTier } from './contribution-tier.entity';
import { InKindContribution } from './in-kind-contribution.entity';

export const CONTRIBUTIONS_ENTITIES = [
  ContributionScale,
  ContributionTier,
  ContributionCall,
  ContributionPayment,
  BankImport,
  BankImportRow,
  InKindContribution,
];
