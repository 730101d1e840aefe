import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CommonErrors,
  ConnectionArgs,
  CurrentUser,
  LoaderContext,
  MoneyScalar,
  requestLoader,
  Role,
  Roles,
  UUIDScalar,
} from '@delibera/kernel';
import { MembershipService } from '@delibera/membership';
import { CampaignService } from './campaign.service';
import { CallsService } from './calls.service';
import {
  BankImportRowType,
  BankImportType,
  CampaignType,
  ContributionCallConnection,
  ContributionCallType,
  ContributionPaymentType,
} from './contributions.types';
import {
  ContributionCallsArgs,
  ImportBankStatementInput,
  MatchBankRowInput,
  RecordPaymentInput,
  ReversePaymentInput,
  WaiveCallInput,
} from './dto/payment.input';
import { FiscalYearArgs } from './dto/fiscal-year.args';
import { PaymentsService } from './payments.service';

@Resolver(() => ContributionCallType)
export class CallsResolver {
  constructor(
    private readonly calls: CallsService,
    private readonly ledger: PaymentsService,
    private readonly campaigns: CampaignService,
    private readonly membership: MembershipService,
  ) {}

  @Query(() => ContributionCallConnection)
  @Roles(Role.Treasurer, Role.Trustee)
  async contributionCalls(
    @Args() args: ContributionCallsArgs,
  ): Promise<ContributionCallConnection> {
    const { scaleId, memberId, status, ...page } = args;
    return this.calls.balances({ scaleId, memberId, status }, page);
  }

  @Query(() => ContributionCallConnection, { description: 'The calls of your own organisation.' })
  async myContributionCalls(
    @CurrentUser() user: AuthUser,
    @Args() page: ConnectionArgs,
  ): Promise<ContributionCallConnection> {
    if (!user.memberId) throw CommonErrors.FORBIDDEN();
    return this.calls.balances({ memberId: user.memberId }, page);
  }

  @Query(() => MoneyScalar, { description: 'Overpayments held for your organisation.' })
  async myContributionCredit(@CurrentUser() user: AuthUser): Promise<number> {
    if (!user.memberId) throw CommonErrors.FORBIDDEN();
    return this.calls.memberCredit(user.memberId);
  }

  @Query(() => CampaignType, {
    description:
      'Target, called, received, outstanding, waived, credit and in-kind, with the proof they reconcile.',
  })
  @Roles(Role.Treasurer, Role.Trustee)
  contributionCampaign(@Args() { fiscalYear }: FiscalYearArgs): Promise<CampaignType> {
    return this.campaigns.campaign(fiscalYear);
  }

  @Query(() => [BankImportRowType], { description: 'Statement lines waiting for manual matching.' })
  @Roles(Role.Treasurer)
  async unmatchedBankRows(
    @Args('importId', { type: () => UUIDScalar, nullable: true }) importId?: string,
  ): Promise<BankImportRowType[]> {
    return (await this.ledger.unmatchedRows(importId)).map(BankImportRowType.from);
  }

  @ResolveField(() => [ContributionPaymentType])
  async payments(
    @Parent() call: ContributionCallType,
    @Context() context: LoaderContext,
  ): Promise<ContributionPaymentType[]> {
    const loader = requestLoader(context, 'contribution.paymentsByCall', (ids: readonly string[]) =>
      this.ledger.byCalls(ids),
    );
    return (await loader.load(call.id)).map(ContributionPaymentType.from);
  }

  @ResolveField(() => String)
  async memberName(
    @Parent() call: ContributionCallType,
    @Context() context: LoaderContext,
  ): Promise<string> {
    const loader = requestLoader(context, 'member.displayName', async (ids: readonly string[]) => {
      const members = new Map((await this.membership.byIds(ids)).map((m) => [m.id, m]));
      return ids.map((id) => members.get(id)?.displayName ?? '');
    });
    return loader.load(call.memberId);
  }

  @Mutation(() => ContributionCallType)
  @Roles(Role.Treasurer)
  async recordContributionPayment(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RecordPaymentInput,
  ): Promise<ContributionCallType> {
    const payment = await this.ledger.record(user, input);
    return this.calls.balance(payment.callId);
  }

  @Mutation(() => ContributionCallType)
  @Roles(Role.Treasurer)
  async reverseContributionPayment(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ReversePaymentInput,
  ): Promise<ContributionCallType> {
    const reversal = await this.ledger.reverse(user, input.paymentId, input.reason);
    return this.calls.balance(reversal.callId);
  }

  @Mutation(() => ContributionCallType, {
    description: 'A waiver or reduction granted by the board, recorded with its decision.',
  })
  @Roles(Role.Treasurer)
  waiveContributionCall(
    @CurrentUser() user: AuthUser,
    @Args('input') input: WaiveCallInput,
  ): Promise<ContributionCallType> {
    return this.calls.waive(user, input);
  }

  @Mutation(() => BankImportType, {
    description: 'Imports a bank statement in one transaction; a malformed file is refused whole.',
  })
  @Roles(Role.Treasurer)
  async importBankStatement(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ImportBankStatementInput,
  ): Promise<BankImportType> {
    return BankImportType.from(
      await this.ledger.importBankStatement(user, input.fileName, input.content),
    );
  }

  @Mutation(() => ContributionCallType)
  @Roles(Role.Treasurer)
  async matchBankImportRow(
    @CurrentUser() user: AuthUser,
    @Args('input') input: MatchBankRowInput,
  ): Promise<ContributionCallType> {
    const payment = await this.ledger.matchRow(user, input.rowId, input.callId);
    return this.calls.balance(payment.callId);
  }
}
