import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecidingBody, DecisionRuleType, DecisionType, Audience } from '@delibera/charter';
import { CouncilType } from '@delibera/councils';
import { Connection, JSONObjectScalar, UUIDScalar } from '@delibera/kernel';
import { AmendmentStatus, ProposalAmendment } from './amendments/proposal-amendment.entity';
import {
  ConsultationRequest,
  ConsultationStatus,
} from './consultation/consultation-request.entity';
import {
  CouncilOpinion,
  OpinionPosition,
  OpinionStatus,
} from './consultation/council-opinion.entity';
import { Participation } from './decision-rights';
import { Proposal } from './proposal.entity';
import { ProposalAttachment } from './proposal-attachment.entity';
import { ProposalOrigin, ProposalStatus } from './proposal-status';
import { ProposalVersion } from './proposal-version.entity';
import { TextDiff } from './text/proposal-text';

for (const [enumRef, name] of [
  [ProposalStatus, 'ProposalStatus'],
  [ProposalOrigin, 'ProposalOrigin'],
  [ConsultationStatus, 'ConsultationStatus'],
  [OpinionPosition, 'OpinionPosition'],
  [OpinionStatus, 'OpinionStatus'],
  [AmendmentStatus, 'AmendmentStatus'],
  [Participation, 'Participation'],
] as const) {
  registerEnumType(enumRef, { name });
}

@ObjectType('Proposal')
export class ProposalType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => DecisionType) decisionType: DecisionType;
  @Field(() => ProposalOrigin) origin: ProposalOrigin;
  @Field(() => ProposalStatus) status: ProposalStatus;
  @Field(() => String) title: string;
  @Field(() => String, { description: 'The current version as written (Markdown).' })
  body: string;
  @Field(() => Int) currentVersion: number;
  @Field(() => UUIDScalar, { nullable: true }) authorMemberId: string | null;
  @Field(() => UUIDScalar, { nullable: true }) charterVersionId: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) supportEndsAt: Date | null;
  @Field(() => Date, { nullable: true }) consultationEndsAt: Date | null;
  @Field(() => Date, { nullable: true }) deliberationEndsAt: Date | null;
  @Field(() => Date, { nullable: true }) votingOpensAt: Date | null;
  @Field(() => Date, { nullable: true }) votingClosesAt: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => Date) createdAt: Date;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'A deed amendment: the charter settings and rules it changes (settings, rules by decision type), adopted with it.',
  })
  charterChange: Record<string, unknown> | null;

  static from(p: Proposal): ProposalType {
    return {
      id: p.id,
      decisionType: p.decisionType,
      origin: p.origin,
      status: p.status,
      title: p.title,
      body: p.body,
      currentVersion: p.currentVersion,
      authorMemberId: p.authorMemberId,
      charterVersionId: p.charterVersionId,
      submittedAt: p.submittedAt,
      supportEndsAt: p.supportEndsAt,
      consultationEndsAt: p.consultationEndsAt,
      deliberationEndsAt: p.deliberationEndsAt,
      votingOpensAt: p.votingOpensAt,
      votingClosesAt: p.votingClosesAt,
      decidedAt: p.decidedAt,
      cancelReason: p.cancelReason,
      charterChange: (p.charterChange as Record<string, unknown> | null) ?? null,
      createdAt: p.createdAt,
    };
  }
}

@ObjectType()
export class ProposalConnection extends Connection(ProposalType) {}

@ObjectType('ProposalAuthor', { description: 'Who wrote a proposal, as other members see them.' })
export class ProposalAuthorType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) displayName: string;
}

@ObjectType('ProposalVersion')
export class ProposalVersionType {
  @Field(() => Int) version: number;
  @Field(() => String) title: string;
  @Field(() => String) body: string;
  @Field(() => String) note: string;
  @Field(() => UUIDScalar, { nullable: true }) amendmentId: string | null;
  @Field(() => Date) createdAt: Date;

  static from(v: ProposalVersion): ProposalVersionType {
    const { version, title, body, note, amendmentId, createdAt } = v;
    return { version, title, body, note, amendmentId, createdAt };
  }
}

@ObjectType('DiffChange')
export class DiffChangeType {
  @Field(() => String, { description: 'added, removed or unchanged' }) kind: string;
  @Field(() => String) text: string;
}

@ObjectType('ProposalDiff')
export class ProposalDiffType {
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field(() => Boolean) titleChanged: boolean;
  @Field(() => [DiffChangeType]) changes: DiffChangeType[];
  @Field(() => String, { description: 'The body change as a unified patch.' }) unified: string;

  static from(from: number, to: number, diff: TextDiff): ProposalDiffType {
    return { fromVersion: from, toVersion: to, ...diff };
  }
}

@ObjectType('CouncilOpinion')
export class CouncilOpinionType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) consultationId: string;
  @Field(() => UUIDScalar) councilId: string;
  @Field(() => UUIDScalar) draftedByMemberId: string;
  @Field(() => OpinionPosition) position: OpinionPosition;
  @Field(() => String) text: string;
  @Field(() => OpinionStatus) status: OpinionStatus;
  @Field(() => Int, {
    nullable: true,
    description:
      'Counts a chair recorded before council votes ran through the voting library (also votesAgainst, votesAbstain, activeMembers); null for an opinion decided by a vote: see voteId.',
  })
  votesFor: number | null;
  @Field(() => Int, { nullable: true }) votesAgainst: number | null;
  @Field(() => Int, { nullable: true }) votesAbstain: number | null;
  @Field(() => Int, { nullable: true }) activeMembers: number | null;
  @Field(() => Date, { nullable: true }) adoptedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: "The council's latest vote on this opinion (query it with `vote(id:)`).",
  })
  voteId: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "That vote's outcome once counted: adopted, rejected or quorum_not_met; null while it runs.",
  })
  voteOutcome: string | null;

  static from(o: CouncilOpinion): CouncilOpinionType {
    const { id, consultationId, councilId, draftedByMemberId, position, text, status } = o;
    const { votesFor, votesAgainst, votesAbstain, activeMembers, adoptedAt, publishedAt } = o;
    const { voteId, voteOutcome } = o;
    return {
      id,
      consultationId,
      councilId,
      draftedByMemberId,
      position,
      text,
      status,
      votesFor,
      votesAgainst,
      votesAbstain,
      activeMembers,
      adoptedAt,
      publishedAt,
      voteId,
      voteOutcome,
    };
  }
}

@ObjectType('Consultation', { description: "A council's consultation on a proposal." })
export class ConsultationType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) proposalId: string;
  @Field(() => UUIDScalar) councilId: string;
  @Field(() => ConsultationStatus) status: ConsultationStatus;
  @Field(() => Date) requestedAt: Date;
  @Field(() => Date) dueAt: Date;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => UUIDScalar, { nullable: true }) opinionId: string | null;

  static from(r: ConsultationRequest): ConsultationType {
    const { id, proposalId, councilId, status, requestedAt, dueAt, answeredAt, opinionId } = r;
    return { id, proposalId, councilId, status, requestedAt, dueAt, answeredAt, opinionId };
  }
}

@ObjectType('ProposalAmendment')
export class ProposalAmendmentType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) proposalId: string;
  @Field(() => UUIDScalar) proposedByMemberId: string;
  @Field(() => Int) baseVersion: number;
  @Field(() => String) title: string;
  @Field(() => String) body: string;
  @Field(() => String) rationale: string;
  @Field(() => AmendmentStatus) status: AmendmentStatus;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => Int, { nullable: true }) resultingVersion: number | null;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: "The amendment's own vote, once put to the vote (query it with `vote(id:)`).",
  })
  voteId: string | null;
  @Field(() => Date) createdAt: Date;

  static from(a: ProposalAmendment): ProposalAmendmentType {
    const { id, proposalId, proposedByMemberId, baseVersion, title, body, rationale } = a;
    const { status, decidedAt, resultingVersion, voteId, createdAt } = a;
    return {
      id,
      proposalId,
      proposedByMemberId,
      baseVersion,
      title,
      body,
      rationale,
      status,
      decidedAt,
      resultingVersion,
      voteId,
      createdAt,
    };
  }
}

@ObjectType('ProposalAttachment')
export class ProposalAttachmentType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) url: string;
  @Field(() => String) title: string;
  @Field(() => Date) createdAt: Date;

  static from(a: ProposalAttachment): ProposalAttachmentType {
    const { id, url, title, createdAt } = a;
    return { id, url, title, createdAt };
  }
}

@ObjectType('ConsultedCouncil')
export class ConsultedCouncilType {
  @Field(() => String) councilCode: string;
  @Field(() => CouncilType, { nullable: true }) council: CouncilType | null;
  @Field(() => ConsultationStatus, {
    nullable: true,
    description: 'Null until the proposal enters consultation.',
  })
  status: ConsultationStatus | null;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => CouncilOpinionType, { nullable: true, description: 'The published opinion.' })
  opinion: CouncilOpinionType | null;
}

@ObjectType('DecisionRights', {
  description:
    'From the charter rule the proposal runs under: who participates, who deliberates, who is consulted, who decides, who is informed.',
})
export class DecisionRightsType {
  @Field(() => Int) charterVersion: number;
  @Field(() => Boolean, {
    description: 'False for a draft: the rule shown is the one in force, pinned at submission.',
  })
  pinned: boolean;
  @Field(() => [Participation]) participates: Participation[];
  @Field(() => [String], {
    description:
      '"all_members" for the open thread, then each consulted council (restricted thread).',
  })
  deliberates: string[];
  @Field(() => [ConsultedCouncilType]) consulted: ConsultedCouncilType[];
  @Field(() => DecidingBody) decides: DecidingBody;
  @Field(() => DecisionRuleType, { description: 'How the deciding body votes.' })
  rule: DecisionRuleType;
  @Field(() => [Audience]) informed: Audience[];
}
