import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecisionType } from '@delibera/charter';
import { AgendaItemKind } from '../assemblies.enums';

/**
 * One ordered item of an assembly's agenda. `refId` points, without a foreign
 * key, to the proposal, vote or contribution scale of another domain.
 * Positions are unique per assembly (deferred, so a reorder can swap them).
 */
@Entity('agenda_item')
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assemblyId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'enum', enum: AgendaItemKind, enumName: 'agenda_item_kind' })
  kind: AgendaItemKind;

  @Column({ type: 'text' })
  titleFr: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'uuid', nullable: true })
  refId: string | null;

  /** The kind of decision taken under this item; it sets the notice the assembly needs. */
  @Column({ type: 'enum', enum: DecisionType, enumName: 'decision_type', nullable: true })
  decisionType: DecisionType | null;
}
