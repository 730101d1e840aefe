import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  DomainErrorHttpFilter,
  Localized,
  quebecDate,
  requestContext,
  Role,
  Roles,
} from '@delibera/kernel';
import { ExportQuery, FiscalYearExportQuery } from './dto/export-query.dto';
import { CsvExport, sendCsv } from './export-stream';
import {
  CONTRIBUTION_CALLS_CSV,
  CONTRIBUTION_PAYMENTS_CSV,
  DECISIONS_CSV,
  MEMBERS_CSV,
  PARTICIPATION_CSV,
} from './staff-exports';

/**
 * CSV downloads for staff, over plain HTTP so a browser or a script can save
 * them: `Authorization: Bearer <accessToken>`, roles as for the reports
 * (the global guard: anonymous 401, wrong role 403, with a fr/en message).
 * Headers in the caller's language: `?lang=en` or `Accept-Language`.
 */
@Controller('exports')
@UseFilters(DomainErrorHttpFilter)
export class ExportsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private send(response: Response, name: Localized, csv: CsvExport): Promise<void> {
    const locale = requestContext.locale();
    const day = quebecDate();
    return sendCsv(this.dataSource, response, `${name[locale]}-${day}.csv`, locale, csv);
  }

  @Get('members.csv')
  @Roles(Role.Secretary)
  members(@Query() _query: ExportQuery, @Res() response: Response): Promise<void> {
    return this.send(response, { fr: 'membres', en: 'members' }, MEMBERS_CSV);
  }

  @Get('contribution-calls.csv')
  @Roles(Role.Treasurer)
  calls(@Query() query: FiscalYearExportQuery, @Res() response: Response): Promise<void> {
    const csv = CONTRIBUTION_CALLS_CSV(query.fiscalYear ?? null);
    return this.send(response, { fr: 'appels-de-contribution', en: 'contribution-calls' }, csv);
  }

  @Get('contribution-payments.csv')
  @Roles(Role.Treasurer)
  payments(@Query() query: FiscalYearExportQuery, @Res() response: Response): Promise<void> {
    const csv = CONTRIBUTION_PAYMENTS_CSV(query.fiscalYear ?? null);
    return this.send(response, { fr: 'paiements', en: 'payments' }, csv);
  }

  @Get('decisions.csv')
  @Roles(Role.Trustee, Role.Secretary)
  decisions(@Query() _query: ExportQuery, @Res() response: Response): Promise<void> {
    return this.send(response, { fr: 'decisions', en: 'decisions' }, DECISIONS_CSV);
  }

  @Get('participation.csv')
  @Roles(Role.Trustee, Role.Secretary)
  participation(@Query() _query: ExportQuery, @Res() response: Response): Promise<void> {
    return this.send(response, { fr: 'participation', en: 'participation' }, PARTICIPATION_CSV);
  }
}
