import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar, UUIDScalar } from '@delibera/kernel';
import {
  Audience,
  DecidingBody,
  DecisionType,
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from './charter.enums';
import { CharterVersion } from './charter-version.entity';
import { DecisionRule } from './decision-rule.entity';
import { competingOptionsMethodsFor, voteMethodsFor } from './decision-methods';

@ObjectType('Rational', { description: 'An exact fraction, e.g. 2/3.' })
export class RationalType {
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
}

@ObjectType('Quorum')
export class QuorumType {
  @Field(() => QuorumKind) kind: QuorumKind;
  @Field(() => RationalType, {
    nullable: true,
    description: 'For a ratio quorum: the fraction of eligible voters.',
  })
  ratio: RationalType | null;
  @Field(() => Int, { nullable: true, description: 'For a count quorum: the number of voters.' })
  count: number | null;
}

@ObjectType('DecisionRule')
export class DecisionRuleType {
  @Field(() => DecisionType) decisionType: DecisionType;
  @Field(() => DecidingBody) decidingBody: DecidingBody;
  @Field(() => [String]) consultedCouncils: string[];
  @Field(() => [Audience]) informed: Audience[];
  @Field(() => VoteMethod) voteMethod: VoteMethod;
  @Field(() => VoteMethod, {
    nullable: true,
    description:
      'The ranked method by which competing proposals (e.g. contribution scales) are voted as options of one vote; null: not allowed.',
  })
  competingOptionsMethod: VoteMethod | null;
  @Field(() => [VoteMethod], {
    description:
      'The methods that fit this kind of decision’s ballots, which an amendment may choose.',
  })
  allowedVoteMethods: VoteMethod[];
  @Field(() => [VoteMethod], {
    description:
      'The ranked methods an amendment may choose for competing proposals; empty: this kind of decision has none.',
  })
  allowedCompetingOptionsMethods: VoteMethod[];
  @Field(() => RationalType) threshold: RationalType;
  @Field(() => ThresholdComparison) thresholdComparison: ThresholdComparison;
  @Field(() => ThresholdBase) thresholdBase: ThresholdBase;
  @Field(() => QuorumType) quorum: QuorumType;
  @Field(() => Secrecy) secrecy: Secrecy;
  @Field(() => Boolean) collegeWeighting: boolean;
  @Field(() => Int) minNoticeDays: number;
  @Field(() => Int) minConsultationDays: number;
  @Field(() => Int) minDeliberationDays: number;
  @Field(() => Int) minVotingDays: number;

  static from(rule: DecisionRule): DecisionRuleType {
    return {
      decisionType: rule.decisionType,
      decidingBody: rule.decidingBody,
      consultedCouncils: rule.consultedCouncils,
      informed: rule.informed,
      voteMethod: rule.voteMethod,
      competingOptionsMethod: rule.competingOptionsMethod,
      allowedVoteMethods: voteMethodsFor(rule.decisionType),
      allowedCompetingOptionsMethods: competingOptionsMethodsFor(rule.decisionType),
      threshold: { numerator: rule.thresholdNumerator, denominator: rule.thresholdDenominator },
      thresholdComparison: rule.thresholdComparison,
      thresholdBase: rule.thresholdBase,
      quorum: {
        kind: rule.quorumKind,
        ratio:
          rule.quorumKind === QuorumKind.Ratio
            ? { numerator: rule.quorumNumerator, denominator: rule.quorumDenominator }
            : null,
        count: rule.quorumKind === QuorumKind.Count ? rule.quorumNumerator : null,
      },
      secrecy: rule.secrecy,
      collegeWeighting: rule.collegeWeighting,
      minNoticeDays: rule.minNoticeDays,
      minConsultationDays: rule.minConsultationDays,
      minDeliberationDays: rule.minDeliberationDays,
      minVotingDays: rule.minVotingDays,
    };
  }
}

@ObjectType('Charter', { description: 'One version of the governance rules of the trust.' })
export class CharterType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int) version: number;
  @Field(() => Date) adoptedAt: Date;
  @Field(() => UUIDScalar, { nullable: true }) adoptedByProposalId: string | null;
  @Field(() => String) summary: string;
  @Field(() => Int) proxyLimitPerHolder: number;
  @Field(() => MoneyScalar) volunteerHourRate: number;
  @Field(() => Int) initiativeCosignatures: number;
  @Field(() => Int) initiativeSupportDays: number;
  @Field(() => Int) referendumPetitionCosignatures: number;
  @Field(() => RationalType) assemblyQuorum: RationalType;
  @Field(() => [DecisionRuleType]) rules: DecisionRuleType[];

  static from(version: CharterVersion): CharterType {
    return {
      id: version.id,
      version: version.version,
      adoptedAt: version.adoptedAt,
      adoptedByProposalId: version.adoptedByProposalId,
      summary: version.summary,
      proxyLimitPerHolder: version.proxyLimitPerHolder,
      volunteerHourRate: version.volunteerHourRateCents,
      initiativeCosignatures: version.initiativeCosignatures,
      initiativeSupportDays: version.initiativeSupportDays,
      referendumPetitionCosignatures: version.referendumPetitionCosignatures,
      assemblyQuorum: {
        numerator: version.assemblyQuorumNumerator,
        denominator: version.assemblyQuorumDenominator,
      },
      rules: [...version.rules]
        .sort((a, b) => a.decisionType.localeCompare(b.decisionType))
        .map(DecisionRuleType.from),
    };
  }
}
