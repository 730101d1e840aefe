import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { UUIDScalar } from '@delibera/kernel';
import { REGION_CODES } from '@delibera/membership';

@InputType()
export class CouncilEligibilityInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) minAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) maxAge?: number;
  @Field(() => [String], {
    nullable: true,
    description: 'Codes of the Québec administrative regions served (e.g. "01").',
  })
  @IsOptional()
  @ArrayMaxSize(17)
  @IsIn(REGION_CODES, { each: true })
  regions?: string[];
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requiresApprovedPractice?: boolean;
}

/** A council or committee the trust creates: editorial committee, a regional group… */
@InputType()
export class CreateCouncilInput {
  @Field(() => String, { description: 'Stable code, e.g. "editorial_committee".' })
  @Matches(/^[a-z][a-z0-9_]{1,49}$/)
  code: string;
  @Field(() => String) @MinLength(1) @MaxLength(200) nameFr: string;
  @Field(() => String) @MinLength(1) @MaxLength(200) nameEn: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(500) seats: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(120) termMonths: number;
  @Field(() => CouncilEligibilityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CouncilEligibilityInput)
  eligibility?: CouncilEligibilityInput;
}

/**
 * The secretary changes a council: only the fields given. Its code stays (the
 * charter names councils by code). Seats held keep their term: a new term
 * length applies to seats approved from now on, a new eligibility rule to
 * applications made from now on.
 */
@InputType()
export class UpdateCouncilInput {
  @Field(() => UUIDScalar) @IsUUID() councilId: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  nameFr?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  nameEn?: string;
  @Field(() => Int, { nullable: true, description: 'Not fewer than the seats now held.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  seats?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  termMonths?: number;
  @Field(() => CouncilEligibilityInput, {
    nullable: true,
    description: 'Replaces the whole rule (an empty rule: anyone may apply).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CouncilEligibilityInput)
  eligibility?: CouncilEligibilityInput;
}
