import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { OpenDataController } from './open-data.controller';

/**
 * Downloads: staff CSV exports and the public open-data export. Read-only SQL
 * over the other domains' tables, like the reports: no entity of its own.
 */
@Module({ controllers: [ExportsController, OpenDataController] })
export class ExportsModule {}
