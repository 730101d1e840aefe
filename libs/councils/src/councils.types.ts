import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UUIDScalar } from '@delibera/kernel';
import { Council } from './council.entity';
import { CouncilSeat, SeatStatus } from './council-seat.entity';

registerEnumType(SeatStatus, { name: 'SeatStatus' });

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
  @Field(() => Date, { nullable: true }) dissolvedAt: Date | null;
  @Field(() => String, { nullable: true }) dissolutionReason: string | null;

  /** Every field of the council but its creation time. */
  static from(council: Council): CouncilType {
    const { createdAt: _createdAt, ...fields } = council;
    return fields;
  }
}

@ObjectType('CouncilSeat')
export class CouncilSeatType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) councilId: string;
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => SeatStatus) status: SeatStatus;
  @Field(() => String, { nullable: true }) declaredPractice: string | null;
  @Field(() => String, { nullable: true }) termStart: string | null;
  @Field(() => String, { nullable: true }) termEnd: string | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Date) appliedAt: Date;

  static from(seat: CouncilSeat): CouncilSeatType {
    const {
      id,
      councilId,
      memberId,
      status,
      declaredPractice,
      termStart,
      termEnd,
      decisionReason,
      appliedAt,
    } = seat;
    return {
      id,
      councilId,
      memberId,
      status,
      declaredPractice,
      termStart,
      termEnd,
      decisionReason,
      appliedAt,
    };
  }
}
