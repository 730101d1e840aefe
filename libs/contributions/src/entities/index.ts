export * from './bank-import.entity';
export * from './bank-import-row.entity';
export * from './contribution-call.entity';
export * from './contribution-payment.entity';
export * from './contribution-scale.entity';
export * from './contribution-tier.entity';
export * from './in-kind-contribution.entity';
