import { Injectable } from '@nestjs/common';
import { AuthUser, LoaderContext, requestLoader } from '@delibera/kernel';
import { MembershipService } from '@delibera/membership';
import { DeliberationService } from './deliberation.service';
import { ModerationService } from './moderation.service';
import { ThreadAccessService, Viewer } from './thread-access.service';
import { ArgumentAuthorType } from './deliberation.types';

/**
 * The request's DataLoaders for deliberation fields, shared by its resolvers:
 * however many arguments a response holds, each field costs one query.
 */
@Injectable()
export class DeliberationLoaders {
  constructor(
    private readonly access: ThreadAccessService,
    private readonly deliberation: DeliberationService,
    private readonly moderation: ModerationService,
    private readonly membership: MembershipService,
  ) {}

  /** The caller's viewer, resolved once per request. */
  viewer(context: LoaderContext, user: AuthUser): Promise<Viewer> {
    return requestLoader(context, 'deliberation.viewer', (users: readonly AuthUser[]) =>
      Promise.all(users.map((u) => this.access.viewer(u))),
    ).load(user);
  }

  authors(context: LoaderContext) {
    return requestLoader(context, 'deliberation.authors', async (ids: readonly string[]) => {
      const members = new Map((await this.membership.byIds(ids)).map((m) => [m.id, m]));
      return ids.map((id): ArgumentAuthorType => {
        const member = members.get(id);
        if (!member) throw new Error(`Author ${id} not found`);
        return { id: member.id, displayName: member.displayName };
      });
    });
  }

  arguments(context: LoaderContext) {
    return requestLoader(context, 'deliberation.arguments', (ids: readonly string[]) =>
      this.deliberation.byIds(ids),
    );
  }

  firstReplies(context: LoaderContext, limit: number) {
    return requestLoader(context, `deliberation.firstReplies:${limit}`, (ids: readonly string[]) =>
      this.deliberation.firstReplies(ids, limit),
    );
  }

  replyCounts(context: LoaderContext) {
    return requestLoader(context, 'deliberation.replyCounts', (ids: readonly string[]) =>
      this.deliberation.replyCounts(ids),
    );
  }

  endorsementCounts(context: LoaderContext) {
    return requestLoader(context, 'deliberation.endorsementCounts', (ids: readonly string[]) =>
      this.deliberation.endorsementCounts(ids),
    );
  }

  endorsedBy(context: LoaderContext, memberId: string) {
    return requestLoader(context, 'deliberation.endorsedByMe', (ids: readonly string[]) =>
      this.deliberation.endorsedBy(memberId, ids),
    );
  }

  openFlagKindsBy(context: LoaderContext, memberId: string) {
    return requestLoader(context, 'deliberation.myOpenFlags', (ids: readonly string[]) =>
      this.moderation.openFlagKindsBy(memberId, ids),
    );
  }

  revisions(context: LoaderContext) {
    return requestLoader(context, 'deliberation.revisions', (ids: readonly string[]) =>
      this.deliberation.revisions(ids),
    );
  }
}
