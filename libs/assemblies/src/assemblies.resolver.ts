import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  LoaderContext,
  mapNodes,
  requestContext,
  requestLoader,
  Role,
  Roles,
  UUIDScalar,
} from '@delibera/kernel';
import { AssembliesService } from './assemblies.service';
import { AssemblyStatus } from './assemblies.enums';
import {
  AgendaItemType,
  AssemblyConnection,
  AssemblyProxyType,
  AssemblyType,
  AttendanceCountsType,
  AttendanceType,
  MinutesType,
  QuorumStatusType,
  RegistrationType,
} from './assemblies.types';
import { AttendanceService, quorumOf } from './attendance.service';
import {
  AssembliesArgs,
  CheckInInput,
  CheckOutInput,
  GrantProxyInput,
  MeetingRegistrationInput,
  MinutesArgs,
  ProxiesArgs,
  RevokeProxyInput,
} from './dto/attendance.input';
import {
  AddAgendaItemInput,
  ConveneAssemblyInput,
  ReorderAgendaInput,
} from './dto/convene-assembly.input';
import { MinutesService } from './minutes/minutes.service';
import { ProxiesService } from './proxies.service';

/**
 * Assemblies and meetings. Running them (convening, agenda, closing, anyone's
 * check-in, every proxy) is the secretary's; members read them and act for
 * themselves (their attendance, proxies and registrations), checked in the
 * services by `memberActedFor`.
 */
@Resolver(() => AssemblyType)
export class AssembliesResolver {
  constructor(
    private readonly assemblyService: AssembliesService,
    private readonly attendanceService: AttendanceService,
    private readonly proxyService: ProxiesService,
    private readonly minutesService: MinutesService,
  ) {}

  @Query(() => AssemblyConnection)
  async assemblies(@Args() args: AssembliesArgs): Promise<AssemblyConnection> {
    return mapNodes(await this.assemblyService.list(args), AssemblyType.from);
  }

  @Query(() => AssemblyType)
  async assembly(@Args('id', { type: () => UUIDScalar }) id: string): Promise<AssemblyType> {
    return AssemblyType.from(await this.assemblyService.byId(id));
  }

  @ResolveField(() => [AgendaItemType])
  async agenda(
    @Parent() assembly: AssemblyType,
    @Context() context: LoaderContext,
  ): Promise<AgendaItemType[]> {
    const loader = requestLoader(context, 'assembly.agenda', (ids: readonly string[]) =>
      this.assemblyService.agendas(ids),
    );
    return (await loader.load(assembly.id)).map(AgendaItemType.from);
  }

  @ResolveField(() => AttendanceCountsType)
  async attendance(
    @Parent() assembly: AssemblyType,
    @Context() context: LoaderContext,
  ): Promise<AttendanceCountsType> {
    return AttendanceCountsType.from(await this.countsLoader(context).load(assembly.id));
  }

  @ResolveField(() => QuorumStatusType, {
    nullable: true,
    description:
      'General assemblies: present + represented against the charter quorum, now. (An asynchronous assembly measures each vote on who took part.)',
  })
  async quorum(
    @Parent() assembly: AssemblyType,
    @Context() context: LoaderContext,
  ): Promise<QuorumStatusType | null> {
    const eligible = requestLoader(
      context,
      'members.activeCount',
      async (keys: readonly string[]) => {
        const count = await this.attendanceService.eligible();
        return keys.map(() => count);
      },
    );
    const [counts, active] = await Promise.all([
      this.countsLoader(context).load(assembly.id),
      eligible.load('all'),
    ]);
    const status = quorumOf(assembly, counts, active);
    return status && QuorumStatusType.from(status);
  }

  private countsLoader(context: LoaderContext) {
    return requestLoader(context, 'assembly.attendance', (ids: readonly string[]) =>
      this.attendanceService.counts(ids),
    );
  }

  @ResolveField(() => [AssemblyProxyType])
  async proxies(
    @Parent() assembly: AssemblyType,
    @CurrentUser() user: AuthUser,
    @Args() args: ProxiesArgs,
  ): Promise<AssemblyProxyType[]> {
    return (await this.proxyService.list(user, assembly.id, args.all)).map(AssemblyProxyType.from);
  }

  @ResolveField(() => AttendanceType, { nullable: true, description: 'Your own check-in.' })
  async myAttendance(
    @Parent() assembly: AssemblyType,
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
  ): Promise<AttendanceType | null> {
    const memberId = user.memberId;
    if (!memberId) return null;
    const loader = requestLoader(context, 'assembly.myAttendance', (ids: readonly string[]) =>
      this.attendanceService.attendanceOf(memberId, ids),
    );
    const attendance = await loader.load(assembly.id);
    return attendance && AttendanceType.from(attendance);
  }

  @ResolveField(() => Boolean, { description: 'Whether you registered for this meeting.' })
  async registered(
    @Parent() assembly: AssemblyType,
    @CurrentUser() user: AuthUser,
    @Context() context: LoaderContext,
  ): Promise<boolean> {
    const memberId = user.memberId;
    if (!memberId) return false;
    const loader = requestLoader(context, 'assembly.myRegistration', (ids: readonly string[]) =>
      this.attendanceService.registrationsOf(memberId, ids),
    );
    return loader.load(assembly.id);
  }

  @ResolveField(() => Int)
  async registrationCount(
    @Parent() assembly: AssemblyType,
    @Context() context: LoaderContext,
  ): Promise<number> {
    const loader = requestLoader(context, 'assembly.registrations', (ids: readonly string[]) =>
      this.attendanceService.registrationCounts(ids),
    );
    return loader.load(assembly.id);
  }

  @ResolveField(() => MinutesType, {
    description: 'The minutes in French or English (default: the caller’s language).',
  })
  async minutes(@Parent() assembly: AssemblyType, @Args() args: MinutesArgs): Promise<MinutesType> {
    return this.minutesService.minutes(assembly.id, args.locale ?? requestContext.locale());
  }

  @Mutation(() => AssemblyType, {
    description: 'Convene an assembly or meeting with its agenda; members get the notice.',
  })
  @Roles(Role.Secretary)
  async conveneAssembly(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ConveneAssemblyInput,
  ): Promise<AssemblyType> {
    return AssemblyType.from(await this.assemblyService.convene(user, input));
  }

  @Mutation(() => AgendaItemType)
  @Roles(Role.Secretary)
  async addAgendaItem(
    @CurrentUser() user: AuthUser,
    @Args('input') input: AddAgendaItemInput,
  ): Promise<AgendaItemType> {
    return AgendaItemType.from(
      await this.assemblyService.addAgendaItem(user, input.assemblyId, input.item),
    );
  }

  @Mutation(() => [AgendaItemType])
  @Roles(Role.Secretary)
  async reorderAgenda(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ReorderAgendaInput,
  ): Promise<AgendaItemType[]> {
    return (await this.assemblyService.reorderAgenda(user, input.assemblyId, input.itemIds)).map(
      AgendaItemType.from,
    );
  }

  @Mutation(() => AssemblyType)
  @Roles(Role.Secretary)
  async closeAssembly(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<AssemblyType> {
    return AssemblyType.from(await this.assemblyService.end(user, id, AssemblyStatus.Closed));
  }

  @Mutation(() => AssemblyType)
  @Roles(Role.Secretary)
  async cancelAssembly(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<AssemblyType> {
    return AssemblyType.from(await this.assemblyService.end(user, id, AssemblyStatus.Cancelled));
  }

  @Mutation(() => AttendanceType, {
    description: 'Check in: the secretary for anyone, a member for themself (remotely).',
  })
  async checkIn(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CheckInInput,
  ): Promise<AttendanceType> {
    return AttendanceType.from(
      await this.attendanceService.checkIn(user, input.assemblyId, input.mode, input.memberId),
    );
  }

  @Mutation(() => AttendanceType)
  async checkOut(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CheckOutInput,
  ): Promise<AttendanceType> {
    return AttendanceType.from(
      await this.attendanceService.checkOut(user, input.assemblyId, input.memberId),
    );
  }

  @Mutation(() => AssemblyProxyType, {
    description: 'Give your vote at a general assembly to another member.',
  })
  async grantProxy(
    @CurrentUser() user: AuthUser,
    @Args('input') input: GrantProxyInput,
  ): Promise<AssemblyProxyType> {
    return AssemblyProxyType.from(
      await this.proxyService.grant(
        user,
        input.assemblyId,
        input.holderMemberId,
        input.grantorMemberId,
      ),
    );
  }

  @Mutation(() => AssemblyProxyType)
  async revokeProxy(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RevokeProxyInput,
  ): Promise<AssemblyProxyType> {
    return AssemblyProxyType.from(await this.proxyService.revoke(user, input.proxyId));
  }

  @Mutation(() => RegistrationType)
  async registerForMeeting(
    @CurrentUser() user: AuthUser,
    @Args('input') input: MeetingRegistrationInput,
  ): Promise<RegistrationType> {
    return RegistrationType.from(await this.attendanceService.register(user, input.assemblyId));
  }

  @Mutation(() => Boolean)
  async cancelMeetingRegistration(
    @CurrentUser() user: AuthUser,
    @Args('input') input: MeetingRegistrationInput,
  ): Promise<boolean> {
    return this.attendanceService.cancelRegistration(user, input.assemblyId);
  }
}
