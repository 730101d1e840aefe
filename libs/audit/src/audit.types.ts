import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, JSONObjectScalar, UUIDScalar } from '@delibera/kernel';
import { AuditEvent } from './audit-event.entity';
import { AuditVerification } from './audit.service';

@ObjectType('AuditVerification', { description: 'The result of walking the whole hash chain.' })
export class AuditVerificationType implements AuditVerification {
  @Field(() => Boolean) valid: boolean;
  @Field(() => Int) checked: number;
  @Field(() => String, {
    description: 'Hash of the last valid event: publish it to let anyone check the log later.',
  })
  headHash: string;
  @Field(() => Int, { nullable: true, description: 'The first event whose hash does not match.' })
  firstBrokenSeq: number | null;
}

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => Int) seq: number;
  @Field(() => Date) occurredAt: Date;
  @Field(() => UUIDScalar, { nullable: true }) actorAccountId: string | null;
  @Field(() => String) action: string;
  @Field(() => String) entityType: string;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field(() => JSONObjectScalar) data: Record<string, unknown>;
  @Field(() => String) hash: string;

  static from(event: AuditEvent): AuditEventType {
    const { seq, occurredAt, actorAccountId, action, entityType, entityId, data, hash } = event;
    return { seq, occurredAt, actorAccountId, action, entityType, entityId, data, hash };
  }
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventType) {}
