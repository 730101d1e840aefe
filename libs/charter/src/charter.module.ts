import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CharterVersion } from './charter-version.entity';
import { CharterResolver } from './charter.resolver';
import { CharterService } from './charter.service';
import { DecisionRule } from './decision-rule.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CharterVersion, DecisionRule])],
  providers: [CharterService, CharterResolver],
  exports: [CharterService],
})
export class CharterModule {}
