import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DecisionType } from '@delibera/charter';
import { UUIDScalar } from '@delibera/kernel';
import {
  AgendaItemKind,
  AssemblyKind,
  AssemblyMode,
  GeneralAssemblyType,
} from '../assemblies.enums';

@InputType()
export class AgendaItemInput {
  @Field(() => AgendaItemKind) @IsEnum(AgendaItemKind) kind: AgendaItemKind;
  @Field(() => String) @Length(1, 300) titleFr: string;
  @Field(() => String) @Length(1, 300) titleEn: string;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The proposal, vote or contribution scale this item deals with.',
  })
  @IsOptional()
  @IsUUID()
  refId?: string;
  @Field(() => DecisionType, {
    nullable: true,
    description:
      'The decision taken (proposals and votes; default ordinary resolution). Elections and contribution scales imply theirs.',
  })
  @IsOptional()
  @IsEnum(DecisionType)
  decisionType?: DecisionType;
}

@InputType()
export class ConveneAssemblyInput {
  @Field(() => AssemblyKind) @IsEnum(AssemblyKind) kind: AssemblyKind;
  @Field(() => GeneralAssemblyType, { nullable: true, description: 'General assemblies only.' })
  @IsOptional()
  @IsEnum(GeneralAssemblyType)
  generalAssemblyType?: GeneralAssemblyType;
  @Field(() => AssemblyMode) @IsEnum(AssemblyMode) mode: AssemblyMode;
  @Field(() => String) @Length(1, 300) titleFr: string;
  @Field(() => String) @Length(1, 300) titleEn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) place?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_tld: false })
  url?: string;
  @Field(() => Date) @Type(() => Date) @IsDate() startsAt: Date;
  @Field(() => Date) @Type(() => Date) @IsDate() endsAt: Date;
  @Field(() => UUIDScalar, { nullable: true, description: 'Council meetings: the council.' })
  @IsOptional()
  @IsUUID()
  councilId?: string;
  @Field(() => String, { nullable: true, description: 'Regional meetings: the region code.' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  region?: string;
  @Field(() => [AgendaItemInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  agenda?: AgendaItemInput[];
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => UUIDScalar) @IsUUID() assemblyId: string;
  @Field(() => AgendaItemInput)
  @ValidateNested()
  @Type(() => AgendaItemInput)
  item: AgendaItemInput;
}

@InputType()
export class ReorderAgendaInput {
  @Field(() => UUIDScalar) @IsUUID() assemblyId: string;
  @Field(() => [UUIDScalar], { description: 'Every item of the agenda, in the new order.' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  itemIds: string[];
}
