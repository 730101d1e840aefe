import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import {
  DecisionType,
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '@delibera/charter';
import { Connection, ConnectionArgs, JSONObjectScalar, UUIDScalar } from '@delibera/kernel';
import { Vote } from './vote.entity';
import { VoteResult } from './vote-result.entity';
import { ChoiceKind, ElectorateKind, StvRules, VoteStatus, VoteSubjectType } from './voting.enums';

@ObjectType('VoteOption')
export class VoteOptionType {
  @Field(() => String) id: string;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
}

@ObjectType('AuditChainHead', {
  description:
    'The last event of the audit chain at a moment: anyone who keeps it can later check that nothing before it was rewritten.',
})
export class AuditChainHeadType {
  @Field(() => Int, { description: 'Sequence number of that event (0: the log was empty).' })
  seq: number;
  @Field(() => String, { description: 'Its hash (sha256, hex).' })
  hash: string;

  static from(seq: number | null, hash: string | null): AuditChainHeadType | null {
    return seq === null || hash === null ? null : { seq, hash };
  }
}

@ObjectType('VoteThreshold')
export class VoteThresholdType {
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
  @Field(() => ThresholdComparison) comparison: ThresholdComparison;
  @Field(() => ThresholdBase) base: ThresholdBase;
}

@ObjectType('VoteQuorum')
export class VoteQuorumType {
  @Field(() => QuorumKind) kind: QuorumKind;
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
}

@ObjectType('Vote')
export class VoteType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => VoteSubjectType) subjectType: VoteSubjectType;
  @Field(() => UUIDScalar, { nullable: true }) subjectId: string | null;
  @Field(() => DecisionType, { nullable: true }) decisionType: DecisionType | null;
  @Field(() => Int) charterVersion: number;
  @Field(() => String) titleFr: string;
  @Field(() => String) titleEn: string;
  @Field(() => ElectorateKind) electorateKind: ElectorateKind;
  @Field(() => UUIDScalar, { nullable: true }) electorateRef: string | null;
  @Field(() => VoteMethod) method: VoteMethod;
  @Field(() => ChoiceKind, { nullable: true }) choiceKind: ChoiceKind | null;
  @Field(() => [VoteOptionType]) options: VoteOptionType[];
  @Field(() => [VoteOptionType], { nullable: true }) grades: VoteOptionType[] | null;
  @Field(() => Int) seats: number;
  @Field(() => Int, { nullable: true }) minSelections: number | null;
  @Field(() => Int, { nullable: true }) maxSelections: number | null;
  @Field(() => StvRules, { nullable: true }) stvRules: StvRules | null;
  @Field(() => VoteThresholdType) threshold: VoteThresholdType;
  @Field(() => VoteQuorumType) quorum: VoteQuorumType;
  @Field(() => Secrecy) secrecy: Secrecy;
  @Field(() => Boolean) collegeWeighting: boolean;
  @Field(() => Boolean) binding: boolean;
  @Field(() => UUIDScalar, { nullable: true }) surveyId: string | null;
  @Field(() => Date) opensAt: Date;
  @Field(() => Date) closesAt: Date;
  @Field(() => VoteStatus) status: VoteStatus;
  @Field(() => Int) version: number;
  @Field(() => String, {
    nullable: true,
    description:
      'sha256 (hex) of the frozen roll: lines "memberId:collegeId:weight:castByMemberId" sorted by member id, joined by newlines.',
  })
  rollFingerprint: string | null;
  @Field(() => Int, { nullable: true }) rollSize: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Hash of the audit event recording the fingerprint (the audit chain head at opening).',
  })
  rollAuditHash: string | null;
  @Field(() => AuditChainHeadType, {
    nullable: true,
    description:
      'The audit chain head published when the vote opened (the event before vote.opened).',
  })
  auditHeadAtOpen: AuditChainHeadType | null;
  @Field(() => AuditChainHeadType, {
    nullable: true,
    description:
      'The audit chain head published when the vote closed (the event before vote.closed).',
  })
  auditHeadAtClose: AuditChainHeadType | null;
  @Field(() => Date, { nullable: true }) openedAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;

  static from(vote: Vote): VoteType {
    return {
      id: vote.id,
      subjectType: vote.subjectType,
      subjectId: vote.subjectId,
      decisionType: vote.decisionType,
      charterVersion: vote.charterVersion,
      titleFr: vote.titleFr,
      titleEn: vote.titleEn,
      electorateKind: vote.electorateKind,
      electorateRef: vote.electorateRef,
      method: vote.method,
      choiceKind: vote.choiceKind,
      options: vote.options,
      grades: vote.grades,
      seats: vote.seats,
      minSelections: vote.minSelections,
      maxSelections: vote.maxSelections,
      stvRules: vote.stvRules,
      threshold: {
        numerator: vote.thresholdNumerator,
        denominator: vote.thresholdDenominator,
        comparison: vote.thresholdComparison,
        base: vote.thresholdBase,
      },
      quorum: {
        kind: vote.quorumKind,
        numerator: vote.quorumNumerator,
        denominator: vote.quorumDenominator,
      },
      secrecy: vote.secrecy,
      collegeWeighting: vote.collegeWeighting,
      binding: vote.binding,
      surveyId: vote.surveyId,
      opensAt: vote.opensAt,
      closesAt: vote.closesAt,
      status: vote.status,
      version: vote.version,
      rollFingerprint: vote.rollFingerprint,
      rollSize: vote.rollSize,
      rollAuditHash: vote.rollAuditHash,
      auditHeadAtOpen: AuditChainHeadType.from(vote.openAuditSeq, vote.openAuditHead),
      auditHeadAtClose: AuditChainHeadType.from(vote.closeAuditSeq, vote.closeAuditHead),
      openedAt: vote.openedAt,
      closedAt: vote.closedAt,
    };
  }
}

@ObjectType('VoteConnection')
export class VoteConnection extends Connection(VoteType) {}

@ObjectType('MyVoteParticipation')
export class MyVoteParticipationType {
  @Field(() => Boolean, { description: 'On the frozen roll of this vote.' }) onRoll: boolean;
  @Field(() => Boolean, { description: 'A ballot was cast for you (by you or your proxy).' })
  voted: boolean;
  @Field(() => UUIDScalar, { nullable: true, description: 'Who casts your ballot.' })
  castByMemberId: string | null;
  @Field(() => [UUIDScalar], { description: 'Members whose proxy you hold for this vote.' })
  proxiesHeld: string[];
}

@ObjectType('VoteResult')
export class VoteResultType {
  @Field(() => String, { description: 'adopted, rejected, quorum_not_met, elected or completed.' })
  outcome: string;
  @Field(() => Boolean) quorumMet: boolean;
  @Field(() => Int) eligible: number;
  @Field(() => Int) participations: number;
  @Field(() => Int) ballots: number;
  @Field(() => [String]) winners: string[];
  @Field(() => String, { description: 'sha256 of `canonical`: a recount must reproduce it.' })
  hash: string;
  @Field(() => String, { description: 'The canonical JSON that is hashed.' }) canonical: string;
  @Field(() => JSONObjectScalar, {
    description:
      'The full count: rounds, matrices, per-college breakdown, quorum (exact rationals as strings).',
  })
  details: Record<string, unknown>;
  @Field(() => Date) createdAt: Date;

  static from(result: VoteResult): VoteResultType {
    const { outcome, quorumMet, eligible, participations, ballots, winners, hash, canonical } =
      result;
    return {
      outcome,
      quorumMet,
      eligible,
      participations,
      ballots,
      winners,
      hash,
      canonical,
      details: JSON.parse(canonical) as Record<string, unknown>,
      createdAt: result.createdAt,
    };
  }
}

@ObjectType('BallotReceipt')
export class BallotReceiptType {
  @Field(() => UUIDScalar) voteId: string;
  @Field(() => String, {
    description: 'Keep it: after close, find it in the published receipts (checkReceipt).',
  })
  receipt: string;
  @Field(() => Boolean, { description: 'A named ballot replaced an earlier one.' })
  replaced: boolean;
}

@ObjectType('Recount')
export class RecountType {
  @Field(() => Boolean) matches: boolean;
  @Field(() => String) storedHash: string;
  @Field(() => String) recountHash: string;
}

@ObjectType('VoteParticipant')
export class VoteParticipantType {
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => UUIDScalar, {
    description: 'The member who cast it (a proxy holder, or themselves).',
  })
  castByMemberId: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Named votes only: the ballot.' })
  ballot: unknown;
}

@ObjectType('VoteParticipantConnection')
export class VoteParticipantConnection extends Connection(VoteParticipantType) {}

@ObjectType('PublishedReceipt')
export class PublishedReceiptType {
  @Field(() => String, { description: 'sha256 (hex) of a receipt token.' }) receiptHash: string;
}

@ObjectType('PublishedReceiptConnection')
export class PublishedReceiptConnection extends Connection(PublishedReceiptType) {}

@ObjectType('AnonymousBallot')
export class AnonymousBallotType {
  @Field(() => GraphQLJSON, { description: 'The ballot as counted (see castBallot).' })
  content: unknown;
  @Field(() => UUIDScalar, { nullable: true, description: 'Only when colleges are weighted.' })
  collegeId: string | null;
}

@ObjectType('AnonymousBallotConnection')
export class AnonymousBallotConnection extends Connection(AnonymousBallotType) {}

@ArgsType()
export class VotesArgs extends ConnectionArgs {
  @Field(() => VoteStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VoteStatus)
  status?: VoteStatus;
  @Field(() => VoteSubjectType, { nullable: true })
  @IsOptional()
  @IsEnum(VoteSubjectType)
  subjectType?: VoteSubjectType;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() subjectId?: string;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() surveyId?: string;
}

@ArgsType()
export class VotePageArgs extends ConnectionArgs {
  @Field(() => UUIDScalar) @IsUUID() voteId: string;
}
