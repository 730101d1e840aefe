import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A member's endorsement of an argument: at most one per member and argument (the primary key). */
@Entity('argument_endorsement')
export class ArgumentEndorsement {
  @PrimaryColumn({ type: 'uuid' })
  argumentId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
