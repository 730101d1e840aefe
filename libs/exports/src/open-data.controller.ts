import { Controller, Get, Header, Query, Res, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DomainErrorHttpFilter, Public, requestContext } from '@delibera/kernel';
import { ExportQuery } from './dto/export-query.dto';
import { sendCsv, sendJsonArray } from './export-stream';
import {
  decisionItem,
  decisionsSql,
  DICTIONARY,
  LICENCE,
  openCsvColumns,
  openDataMetadata,
  PUBLIC_PARTICIPATION_SQL,
} from './open-data';
import { PARTICIPATION_PARAMS } from './participation.sql';

/** `Link: <licence>; rel="license"` (RFC 5988) tells a client the licence of a CSV file too. */
const LICENCE_LINK = `<${LICENCE.url}>; rel="license"`;

/**
 * The open-data export, public (no token): public decisions and their
 * aggregate results under CC BY-SA 4.0, JSON and CSV, and the data dictionary.
 */
@Controller('open-data')
@Public()
@UseFilters(DomainErrorHttpFilter)
export class OpenDataController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('dictionary.json')
  @Header('link', LICENCE_LINK)
  dictionary() {
    return { ...openDataMetadata(new Date()), ...DICTIONARY };
  }

  @Get('decisions.json')
  decisionsJson(@Res() response: Response): Promise<void> {
    response.setHeader('link', LICENCE_LINK);
    return sendJsonArray(this.dataSource, response, 'decisions.json', {
      head: openDataMetadata(new Date()),
      arrayKey: 'decisions',
      sql: decisionsSql(true),
      params: PARTICIPATION_PARAMS,
      toItem: decisionItem,
    });
  }

  @Get('decisions.csv')
  decisionsCsv(@Query() _query: ExportQuery, @Res() response: Response): Promise<void> {
    response.setHeader('link', LICENCE_LINK);
    return sendCsv(this.dataSource, response, 'decisions.csv', requestContext.locale(), {
      sql: decisionsSql(false),
      columns: openCsvColumns('decisions'),
    });
  }

  @Get('participation.csv')
  participationCsv(@Query() _query: ExportQuery, @Res() response: Response): Promise<void> {
    response.setHeader('link', LICENCE_LINK);
    return sendCsv(this.dataSource, response, 'participation.csv', requestContext.locale(), {
      sql: PUBLIC_PARTICIPATION_SQL,
      params: PARTICIPATION_PARAMS,
      columns: openCsvColumns('participation'),
    });
  }
}
