import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Connection,
  interpolate,
  renderMarkdown,
  requestContext,
  UUIDScalar,
} from '@delibera/kernel';
import { Argument } from './argument.entity';
import { ArgumentFlag } from './argument-flag.entity';
import { ArgumentRevision } from './argument-revision.entity';
import { ArgumentStance, FlagKind, FlagResolution } from './deliberation.enums';
import { HIDDEN_NOTICE } from './deliberation.errors';
import { StanceCounts } from './deliberation.service';
import { isRestricted, Viewer } from './thread-access.service';
import { CouncilThread } from './council-thread.entity';

registerEnumType(ArgumentStance, { name: 'ArgumentStance' });
registerEnumType(FlagKind, { name: 'FlagKind' });
registerEnumType(FlagResolution, { name: 'FlagResolution' });

/** Who wrote an argument or raised a flag, as other members see them: a name, not contact details. */
@ObjectType('ArgumentAuthor')
export class ArgumentAuthorType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) displayName: string;
}

@ObjectType('ArgumentRevision')
export class ArgumentRevisionType {
  @Field(() => Int) revision: number;
  @Field(() => String) body: string;
  @Field(() => Date) createdAt: Date;

  static from({ revision, body, createdAt }: ArgumentRevision): ArgumentRevisionType {
    return { revision, body, createdAt };
  }
}

@ObjectType('Argument')
export class ArgumentType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) proposalId: string;
  @Field(() => UUIDScalar, { nullable: true, description: 'Null in the general thread.' })
  councilId: string | null;
  @Field(() => UUIDScalar, { nullable: true }) parentId: string | null;
  @Field(() => Int) depth: number;
  @Field(() => ArgumentStance, { nullable: true }) stance: ArgumentStance | null;
  @Field(() => String, {
    description:
      'Markdown. For a hidden argument, members get a notice in their language; moderators the text.',
  })
  body: string;
  @Field(() => String, { description: 'The body rendered to sanitised HTML.' })
  bodyHtml: string;
  @Field(() => Boolean) hidden: boolean;
  @Field(() => String, { nullable: true }) hiddenReason: string | null;
  @Field(() => String, { nullable: true, description: "A moderator's public annotation." })
  moderatorNote: string | null;
  @Field(() => Int) revision: number;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field(() => Date) createdAt: Date;

  /** Not exposed: who is looking, for the field resolvers below this argument. */
  authorMemberId: string;
  viewer: Viewer;

  /** What this viewer may see of an argument: hidden text only for moderators. */
  static from(argument: Argument, viewer: Viewer): ArgumentType {
    const hidden = argument.hiddenAt !== null;
    const body =
      hidden && !viewer.moderator
        ? interpolate(HIDDEN_NOTICE[requestContext.locale()], { reason: argument.hiddenReason })
        : argument.body;
    return {
      id: argument.id,
      proposalId: argument.proposalId,
      councilId: argument.councilId,
      parentId: argument.parentId,
      depth: argument.depth,
      stance: argument.stance,
      body,
      bodyHtml: renderMarkdown(body),
      hidden,
      hiddenReason: argument.hiddenReason,
      moderatorNote: argument.moderatorNote,
      revision: argument.revision,
      editedAt: argument.editedAt,
      createdAt: argument.createdAt,
      authorMemberId: argument.authorMemberId,
      viewer,
    };
  }
}

@ObjectType()
export class ArgumentConnection extends Connection(ArgumentType) {}

@ObjectType('StanceCounts', {
  description: 'Visible (not hidden) tagged arguments, replies included.',
})
export class StanceCountsType {
  @Field(() => Int) for: number;
  @Field(() => Int) against: number;
  @Field(() => Int) question: number;
  @Field(() => Int) information: number;

  static from(counts: StanceCounts): StanceCountsType {
    return { ...counts };
  }
}

@ObjectType('ProposalThread', {
  description: "A proposal's general thread (no council) or one council's thread on it.",
})
export class ProposalThreadType {
  @Field(() => UUIDScalar) proposalId: string;
  @Field(() => UUIDScalar, { nullable: true }) councilId: string | null;
  @Field(() => Boolean, {
    description: "Readable only by the council's members (and moderators) for now.",
  })
  restricted: boolean;
  @Field(() => Date, { nullable: true }) opinionPublishedAt: Date | null;

  viewer: Viewer;

  /** The general thread when `councilId` is null (never restricted), else the council's thread. */
  static of(
    proposalId: string,
    councilId: string | null,
    thread: CouncilThread | null,
    viewer: Viewer,
  ): ProposalThreadType {
    return {
      proposalId,
      councilId,
      restricted: councilId !== null && isRestricted(thread),
      opinionPublishedAt: thread?.opinionPublishedAt ?? null,
      viewer,
    };
  }
}

@ObjectType('ArgumentFlag')
export class ArgumentFlagType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) argumentId: string;
  @Field(() => FlagKind) kind: FlagKind;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => FlagResolution, { nullable: true }) resolution: FlagResolution | null;
  @Field(() => String, { nullable: true }) resolutionNote: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => Date) createdAt: Date;

  flaggedByMemberId: string;
  viewer: Viewer;

  static from(flag: ArgumentFlag, viewer: Viewer): ArgumentFlagType {
    const { id, argumentId, kind, note, resolution, resolutionNote, resolvedAt, createdAt } = flag;
    return {
      id,
      argumentId,
      kind,
      note,
      resolution,
      resolutionNote,
      resolvedAt,
      createdAt,
      flaggedByMemberId: flag.flaggedByMemberId,
      viewer,
    };
  }
}

@ObjectType()
export class ArgumentFlagConnection extends Connection(ArgumentFlagType) {}
