import { Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles } from '@delibera/kernel';
import { DashboardAccessService } from './dashboard-access.service';

@ObjectType('QueueDashboardLink')
export class QueueDashboardLinkType {
  @Field(() => String, { description: 'Open in the browser within a minute; it works once.' })
  url: string;

  @Field(() => Date)
  expiresAt: Date;
}

@Resolver()
export class QueueDashboardResolver {
  constructor(private readonly access: DashboardAccessService) {}

  @Mutation(() => QueueDashboardLinkType, {
    description:
      'Admins: a single-use link that opens the queue dashboard (Bull Board) for 15 minutes.',
  })
  @Roles(Role.Admin)
  openQueueDashboard(@CurrentUser() user: AuthUser): QueueDashboardLinkType {
    return this.access.issueLink(user);
  }
}
