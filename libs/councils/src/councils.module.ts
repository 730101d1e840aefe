import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Council } from './council.entity';
import { CouncilsResolver } from './councils.resolver';
import { CouncilsService } from './councils.service';

@Module({
  imports: [TypeOrmModule.forFeature([Council])],
  providers: [CouncilsService, CouncilsResolver],
  exports: [CouncilsService],
})
export class CouncilsModule {}
