import { Field, InputType } from '@nestjs/graphql';
import {
  IsDateString,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  Length,
  MaxLength,
} from 'class-validator';
import { LOCALES, Locale } from '@delibera/kernel';
import { MemberKind, OrganisationCategory, SizeBand } from '../membership.enums';

/** What describes a member, whether typed by the secretary or read from a CSV row. */
@InputType()
export class MemberFieldsInput {
  @Field(() => MemberKind)
  @IsEnum(MemberKind)
  kind: MemberKind;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Code of the college, e.g. "citizens".' })
  @IsNotEmpty()
  @MaxLength(50)
  college: string;

  @Field(() => String, { description: 'Québec administrative region, "01" to "17".' })
  @Length(2, 2)
  region: string;

  @Field(() => String, { nullable: true, defaultValue: 'fr' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @Field(() => String, { nullable: true, description: 'People only, YYYY-MM-DD.' })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string;

  @Field(() => OrganisationCategory, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationCategory)
  organisationCategory?: OrganisationCategory;

  @Field(() => SizeBand, { nullable: true })
  @IsOptional()
  @IsEnum(SizeBand)
  sizeBand?: SizeBand;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  representativeName?: string;
}
