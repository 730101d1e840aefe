import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CommonErrors,
  CurrentUser,
  hasRole,
  Role,
  Roles,
  UUIDScalar,
  mapNodes,
} from '@delibera/kernel';
import { ChangeMemberStatusInput } from './dto/change-member-status.input';
import { ImportMembersInput } from './dto/import-members.input';
import { MemberFieldsInput } from './dto/member-fields.input';
import { MembersArgs } from './dto/members.args';
import { MemberImportService } from './member-import.service';
import { MembershipService } from './membership.service';
import { CollegeType, ImportReportType, MemberConnection, MemberType } from './membership.types';

/** Who may read the member register: it holds personal data. */
const REGISTER_READERS = [Role.Secretary, Role.Trustee, Role.Admin];

@Resolver(() => MemberType)
export class MembershipResolver {
  constructor(
    private readonly membership: MembershipService,
    private readonly importer: MemberImportService,
  ) {}

  @Query(() => [CollegeType])
  async colleges(): Promise<CollegeType[]> {
    return (await this.membership.colleges()).map(CollegeType.from);
  }

  @Query(() => MemberConnection)
  @Roles(...REGISTER_READERS)
  async members(@Args() args: MembersArgs): Promise<MemberConnection> {
    return mapNodes(await this.membership.list(args), MemberType.from);
  }

  @Query(() => MemberType, {
    description: 'A member: yourself, or anyone for the secretary and trustees.',
  })
  async member(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<MemberType> {
    if (user.memberId !== id && !hasRole(user, ...REGISTER_READERS)) throw CommonErrors.FORBIDDEN();
    return MemberType.from(await this.membership.byId(id));
  }

  @Mutation(() => MemberType, {
    description: 'Registers an applicant and emails them an invitation link.',
  })
  @Roles(Role.Secretary)
  async inviteMember(
    @CurrentUser() user: AuthUser,
    @Args('input') input: MemberFieldsInput,
  ): Promise<MemberType> {
    return MemberType.from(await this.membership.invite(user, input));
  }

  @Mutation(() => MemberType, {
    description: 'Admits, suspends, reinstates or records the resignation of a member.',
  })
  @Roles(Role.Secretary)
  async changeMemberStatus(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ChangeMemberStatusInput,
  ): Promise<MemberType> {
    return MemberType.from(
      await this.membership.changeStatus(user, input.memberId, input.status, input.reason),
    );
  }

  @Mutation(() => ImportReportType, {
    description: 'Imports members from CSV; any bad row refuses the whole file.',
  })
  @Roles(Role.Secretary)
  importMembers(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ImportMembersInput,
  ): Promise<ImportReportType> {
    return this.importer.import(user, input.csv, input.sendInvitations ?? false);
  }
}
