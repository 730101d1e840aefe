import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member signs up in advance for a meeting (seats and catering of public meetings). */
@Entity('assembly_registration')
export class Registration {
  @PrimaryColumn({ type: 'uuid' })
  assemblyId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'timestamptz' })
  registeredAt: Date;
}
