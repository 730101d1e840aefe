import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UUIDScalar } from '@delibera/kernel';
import { Council } from './council.entity';

@ObjectType('CouncilEligibility')
export class CouncilEligibilityType {
  @Field(() => Int, { nullable: true }) minAge?: number;
  @Field(() => Int, { nullable: true }) maxAge?: number;
  @Field(() => [String], { nullable: true }) regions?: string[];
  @Field(() => Boolean, { nullable: true }) requiresApprovedPractice?: boolean;
}

@ObjectType('Council')
export class CouncilType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) code: string;
  @Field(() => String) nameFr: string;
  @Field(() => String) nameEn: string;
  @Field(() => Int) seats: number;
  @Field(() => Int) termMonths: number;
  @Field(() => CouncilEligibilityType) eligibility: CouncilEligibilityType;
  @Field(() => UUIDScalar, { nullable: true }) chairMemberId: string | null;

  static from(council: Council): CouncilType {
    const { id, code, nameFr, nameEn, seats, termMonths, eligibility, chairMemberId } = council;
    return { id, code, nameFr, nameEn, seats, termMonths, eligibility, chairMemberId };
  }
}
