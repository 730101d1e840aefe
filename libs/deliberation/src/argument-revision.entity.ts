import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Every text an argument has had, revision 1 being the one first posted. Never changed once written. */
@Entity('argument_revision')
@Unique(['argumentId', 'revision'])
export class ArgumentRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  argumentId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid' })
  editedByAccountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
