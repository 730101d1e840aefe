import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';
import { OrganisationCategory, SizeBand } from '@delibera/membership';
import { ContributionScale } from './contribution-scale.entity';

/** The amount asked of organisations of one category and size band under a scale. */
@Entity('contribution_tier')
export class ContributionTier {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => ContributionScale, (scale) => scale.tiers, { onDelete: 'CASCADE' })
  scale: Relation<ContributionScale>;

  @Column({ type: 'uuid' })
  scaleId: string;

  @Column({ type: 'enum', enum: OrganisationCategory, enumName: 'organisation_category' })
  organisationCategory: OrganisationCategory;

  @Column({ type: 'enum', enum: SizeBand, enumName: 'size_band' })
  sizeBand: SizeBand;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountCents: number;
}
