import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';

/** Up to ~50,000 rows of CSV text; larger registers are imported in several files. */
export const MAX_IMPORT_CSV_LENGTH = 10_000_000;

@InputType()
export class ImportMembersInput {
  @Field(() => String, {
    description:
      'CSV with a header row: kind,displayName,email,college,region,locale,birthDate,organisationCategory,sizeBand,representativeName',
  })
  @IsNotEmpty()
  @MaxLength(MAX_IMPORT_CSV_LENGTH)
  csv: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Email each imported member an invitation.',
  })
  @IsOptional()
  @IsBoolean()
  sendInvitations?: boolean;
}
