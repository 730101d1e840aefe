import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LOCALES } from '@delibera/kernel';

/** Query parameters of every download: the language of headers (read by the request context). */
export class ExportQuery {
  @IsOptional()
  @IsIn(LOCALES)
  lang?: string;
}

/** Contribution downloads may be limited to one fiscal year. */
export class FiscalYearExportQuery extends ExportQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  fiscalYear?: number;
}
