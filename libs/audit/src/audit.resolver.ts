import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ConnectionArgs, Role, Roles, mapNodes } from '@delibera/kernel';
import { AuditService } from './audit.service';
import { AuditEventConnection, AuditEventType, AuditVerificationType } from './audit.types';

@ArgsType()
class AuditLogArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) entityType?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) entityId?: string;
}

/** The audit log holds personal data (who did what): the secretary, trustees and admins read it. */
@Resolver(() => AuditEventType)
@Roles(Role.Secretary, Role.Trustee, Role.Admin)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditVerificationType, {
    description: 'Walks the hash chain and names the first broken link, if any.',
  })
  auditVerify(): Promise<AuditVerificationType> {
    return this.audit.verify();
  }

  @Query(() => AuditEventConnection, { description: 'The audit log, newest first.' })
  async auditLog(@Args() args: AuditLogArgs): Promise<AuditEventConnection> {
    return mapNodes(await this.audit.list(args), AuditEventType.from);
  }
}
