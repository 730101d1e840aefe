import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpException,
  Param,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, Locale, LOCALES, requestContext, Roles } from '@delibera/kernel';
import { MONEY_REPORT_READERS } from '../report-access';
import { ReportErrors } from '../reports.errors';
import { AccountabilityReportService } from './accountability-report.service';

const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** Plain HTTP has no GraphQL error formatter: domain errors become a status and a localised JSON body. */
@Catch(DomainError)
class DownloadErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS_BY_CODE[error.code] ?? 400)
      .json({ code: error.code, message: error.localizedMessage(requestContext.locale()) });
  }
}

/**
 * Downloads of the annual report, authorised like the reports:
 * `GET /reports/accountability/2026.pdf?lang=fr` (or `.md`); the language
 * defaults to the caller's (Accept-Language).
 */
@Controller('reports')
@UseFilters(DownloadErrorFilter)
export class AccountabilityController {
  constructor(private readonly reports: AccountabilityReportService) {}

  @Get('accountability/:file')
  @Roles(...MONEY_REPORT_READERS)
  async download(
    @Param('file') file: string,
    @Query('lang') lang: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const match = /^(\d{4})\.(pdf|md)$/.exec(file);
    if (!match) throw new HttpException({ code: 'NOT_FOUND' }, 404);
    const year = Number(match[1]);
    if (year < 2000 || year > 2200) throw ReportErrors.FISCAL_YEAR_INVALID({ year });
    if (lang !== undefined && !(LOCALES as readonly string[]).includes(lang)) {
      throw new HttpException({ code: 'INVALID_VALUE', field: 'lang' }, 400);
    }
    const locale = (lang as Locale | undefined) ?? requestContext.locale();
    const name = `${locale === 'fr' ? 'reddition-de-comptes' : 'accountability-report'}-${year}`;
    response.setHeader('cache-control', 'private, no-store');
    if (match[2] === 'pdf') {
      const pdf = await this.reports.pdf(year, locale);
      response.setHeader('content-type', 'application/pdf');
      response.setHeader('content-disposition', `attachment; filename="${name}.pdf"`);
      response.send(pdf);
    } else {
      const markdown = await this.reports.markdown(year, locale);
      response.setHeader('content-type', 'text/markdown; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="${name}.md"`);
      response.send(markdown);
    }
  }
}
