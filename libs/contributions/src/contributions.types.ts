import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, MoneyScalar, UUIDScalar } from '@delibera/kernel';
import { OrganisationCategory, SizeBand } from '@delibera/membership';
import { Campaign, CampaignFigures, CampaignGroup, Reconciliation } from './campaign.service';
import { CallBalance } from './calls.service';
import {
  CallStatus,
  InKindKind,
  InKindStatus,
  PaymentMethod,
  ProrationRule,
  ScaleStatus,
} from './contributions.enums';
import {
  BankImport,
  BankImportRow,
  ContributionPayment,
  ContributionScale,
  ContributionTier,
  InKindContribution,
} from './entities';
import { ScaleSimulation, SimulatedOrganisation, SimulationGroup } from './scales.service';

@ObjectType('ContributionTier')
export class ContributionTierType {
  @Field(() => OrganisationCategory) organisationCategory: OrganisationCategory;
  @Field(() => SizeBand) sizeBand: SizeBand;
  @Field(() => MoneyScalar) amountCents: number;

  static from({ organisationCategory, sizeBand, amountCents }: ContributionTier) {
    return { organisationCategory, sizeBand, amountCents };
  }
}

@ObjectType('ContributionScale')
export class ContributionScaleType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => String) fiscalYearStartsOn: string;
  @Field(() => String) name: string;
  @Field(() => ScaleStatus) status: ScaleStatus;
  @Field(() => String) dueOn: string;
  @Field(() => MoneyScalar) campaignTargetCents: number;
  @Field(() => MoneyScalar, { nullable: true }) individualDuesCents: number | null;
  @Field(() => ProrationRule) prorationRule: ProrationRule;
  @Field(() => UUIDScalar, { nullable: true }) proposalId: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => Date, { nullable: true }) callsIssuedAt: Date | null;
  @Field(() => [ContributionTierType]) tiers: ContributionTierType[];
  @Field(() => Date) createdAt: Date;

  static from(scale: ContributionScale): ContributionScaleType {
    const { tiers, draftedByAccountId: _drafter, updatedAt: _updated, ...fields } = scale;
    return {
      ...fields,
      tiers: [...tiers]
        .sort((a, b) =>
          `${a.organisationCategory}/${a.sizeBand}`.localeCompare(
            `${b.organisationCategory}/${b.sizeBand}`,
          ),
        )
        .map(ContributionTierType.from),
    };
  }
}

@ObjectType('ScaleSimulationGroup')
export class SimulationGroupType implements SimulationGroup {
  @Field(() => OrganisationCategory, { nullable: true })
  organisationCategory: OrganisationCategory | null;
  @Field(() => SizeBand, { nullable: true }) sizeBand: SizeBand | null;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => MoneyScalar, { nullable: true }) tierAmountCents: number | null;
  @Field(() => Int) organisationCount: number;
  @Field(() => MoneyScalar) totalCents: number;
}

@ObjectType('ScaleSimulation', {
  description: "What a scale would raise from today's membership, before the vote.",
})
export class ScaleSimulationType implements ScaleSimulation {
  @Field(() => UUIDScalar) scaleId: string;
  @Field(() => MoneyScalar) campaignTargetCents: number;
  @Field(() => Int) organisationCount: number;
  @Field(() => MoneyScalar) totalCents: number;
  @Field(() => Int, {
    description: 'Active organisations no tier covers: they would not be called.',
  })
  uncoveredOrganisationCount: number;
  @Field(() => Int) individualMemberCount: number;
  @Field(() => MoneyScalar) individualDuesTotalCents: number;
  @Field(() => [SimulationGroupType]) byTier: SimulationGroupType[];
  @Field(() => [SimulationGroupType]) byCategory: SimulationGroupType[];
  @Field(() => [SimulationGroupType]) byRegion: SimulationGroupType[];
}

@ObjectType('SimulatedOrganisation')
export class SimulatedOrganisationType implements SimulatedOrganisation {
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => String) displayName: string;
  @Field(() => OrganisationCategory) organisationCategory: OrganisationCategory;
  @Field(() => SizeBand) sizeBand: SizeBand;
  @Field(() => String) region: string;
  @Field(() => MoneyScalar) fullAmountCents: number;
  @Field(() => MoneyScalar) amountCents: number;
  @Field(() => Int, { nullable: true }) proratedMonths: number | null;
}

@ObjectType()
export class SimulatedOrganisationConnection extends Connection(SimulatedOrganisationType) {}

@ObjectType('ContributionPayment', {
  description:
    'A ledger entry: a payment, a reversal (negative, linked to the payment it cancels), or a credit carried between two calls (method Credit).',
})
export class ContributionPaymentType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) callId: string;
  @Field(() => MoneyScalar) amountCents: number;
  @Field(() => UUIDScalar, { nullable: true }) reversesPaymentId: string | null;
  @Field(() => UUIDScalar, {
    nullable: true,
    description:
      'For a credit entry: the other call of the transfer (the later call paid, or the earlier call the credit came from).',
  })
  creditCallId: string | null;
  @Field(() => String) paidOn: string;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date) recordedAt: Date;

  static from(payment: ContributionPayment): ContributionPaymentType {
    const { recordedByAccountId: _by, ...fields } = payment;
    return fields;
  }
}

@ObjectType('ContributionCall')
export class ContributionCallType implements Omit<CallBalance, 'issuedAt'> {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) scaleId: string;
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => String) reference: string;
  @Field(() => MoneyScalar) fullAmountCents: number;
  @Field(() => MoneyScalar) amountCents: number;
  @Field(() => Int, { nullable: true }) proratedMonths: number | null;
  @Field(() => String) dueOn: string;
  @Field(() => CallStatus) status: CallStatus;
  @Field(() => MoneyScalar) waivedCents: number;
  @Field(() => String, { nullable: true }) waiverBoardDecision: string | null;
  @Field(() => String, { nullable: true }) waiverReason: string | null;
  @Field(() => MoneyScalar, { description: 'Every ledger entry, reversals netted.' })
  receivedCents: number;
  @Field(() => MoneyScalar, { description: 'What counts against the call.' }) paidCents: number;
  @Field(() => MoneyScalar) outstandingCents: number;
  @Field(() => MoneyScalar, { description: 'Received beyond what was due, held as credit.' })
  creditCents: number;
  @Field(() => Date) issuedAt: Date;

  static from(balance: CallBalance): ContributionCallType {
    return { ...balance };
  }
}

@ObjectType()
export class ContributionCallConnection extends Connection(ContributionCallType) {}

@ObjectType('BankImportRow')
export class BankImportRowType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) importId: string;
  @Field(() => Int) rowNumber: number;
  @Field(() => String) bookedOn: string;
  @Field(() => MoneyScalar) amountCents: number;
  @Field(() => String) reference: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => UUIDScalar, { nullable: true }) paymentId: string | null;

  static from(row: BankImportRow): BankImportRowType {
    const { id, importId, rowNumber, bookedOn, amountCents, reference, description, paymentId } =
      row;
    return { id, importId, rowNumber, bookedOn, amountCents, reference, description, paymentId };
  }
}

@ObjectType('BankImport')
export class BankImportType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) fileName: string;
  @Field(() => Int) rowCount: number;
  @Field(() => MoneyScalar) totalCents: number;
  @Field(() => Int) matchedCount: number;
  @Field(() => MoneyScalar) matchedCents: number;
  @Field(() => [BankImportRowType], { description: 'Lines no call reference matched.' })
  unmatchedRows: BankImportRowType[];
  @Field(() => Date) importedAt: Date;

  static from(result: {
    import: BankImport;
    matchedCount: number;
    matchedCents: number;
    unmatchedRows: BankImportRow[];
  }): BankImportType {
    const { id, fileName, rowCount, totalCents, importedAt } = result.import;
    return {
      id,
      fileName,
      rowCount,
      totalCents,
      importedAt,
      matchedCount: result.matchedCount,
      matchedCents: result.matchedCents,
      unmatchedRows: result.unmatchedRows.map(BankImportRowType.from),
    };
  }
}

@ObjectType({ isAbstract: true })
class CampaignFiguresType implements CampaignFigures {
  @Field(() => Int) callCount: number;
  @Field(() => MoneyScalar) calledCents: number;
  @Field(() => MoneyScalar) receivedCents: number;
  @Field(() => MoneyScalar) paidCents: number;
  @Field(() => MoneyScalar) outstandingCents: number;
  @Field(() => MoneyScalar) waivedCents: number;
  @Field(() => MoneyScalar) creditCents: number;
}

@ObjectType('CampaignGroup')
export class CampaignGroupType extends CampaignFiguresType implements CampaignGroup {
  @Field(() => OrganisationCategory, { nullable: true })
  organisationCategory: OrganisationCategory | null;
  @Field(() => String, { nullable: true }) region: string | null;
}

@ObjectType('CampaignReconciliation')
export class ReconciliationType implements Reconciliation {
  @Field(() => Boolean, {
    description:
      'called = paid + outstanding + waived and ledger = paid + credit, in total and per organisation.',
  })
  reconciles: boolean;
  @Field(() => MoneyScalar) ledgerCents: number;
  @Field(() => Int) organisationsNotReconciling: number;
}

@ObjectType('ContributionCampaign')
export class CampaignType extends CampaignFiguresType implements Campaign {
  @Field(() => Int) fiscalYear: number;
  @Field(() => UUIDScalar, { nullable: true }) scaleId: string | null;
  @Field(() => MoneyScalar) targetCents: number;
  @Field(() => MoneyScalar, { description: 'Approved in-kind contributions of the fiscal year.' })
  inKindCents: number;
  @Field(() => MoneyScalar, {
    description:
      'Credit from earlier fiscal years carried to these calls (counted in received and paid, not new money).',
  })
  creditCarriedInCents: number;
  @Field(() => MoneyScalar, {
    description: 'Credit these calls held that was carried to calls of later fiscal years.',
  })
  creditCarriedOutCents: number;
  @Field(() => [CampaignGroupType]) byCategory: CampaignGroupType[];
  @Field(() => [CampaignGroupType]) byRegion: CampaignGroupType[];
  @Field(() => ReconciliationType) reconciliation: ReconciliationType;
}

@ObjectType('InKindContribution')
export class InKindContributionType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => InKindKind) kind: InKindKind;
  @Field(() => String, { nullable: true }) personName: string | null;
  @Field(() => Boolean, { description: 'The volunteer may be thanked by name in reports.' })
  recognitionConsent: boolean;
  @Field(() => String) activity: string;
  @Field(() => String) performedOn: string;
  @Field(() => Int, { nullable: true }) minutes: number | null;
  @Field(() => Int, { nullable: true }) staffDays: number | null;
  @Field(() => MoneyScalar, { nullable: true }) declaredValueCents: number | null;
  @Field(() => UUIDScalar, { nullable: true }) councilId: string | null;
  @Field(() => InKindStatus) status: InKindStatus;
  @Field(() => MoneyScalar, { nullable: true }) hourlyRateCents: number | null;
  @Field(() => Int, { nullable: true }) charterVersion: number | null;
  @Field(() => MoneyScalar, { nullable: true }) valueCents: number | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Date) createdAt: Date;

  static from(item: InKindContribution): InKindContributionType {
    const {
      recordedByAccountId: _recorder,
      decidedByAccountId: _decider,
      decidedAt: _decidedAt,
      ...fields
    } = item;
    return fields;
  }
}

@ObjectType()
export class InKindContributionConnection extends Connection(InKindContributionType) {}
