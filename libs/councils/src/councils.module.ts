import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CharterModule } from '@delibera/charter';
import { MembershipModule } from '@delibera/membership';
import { Council } from './council.entity';
import { CouncilSeat } from './council-seat.entity';
import { CouncilsResolver } from './councils.resolver';
import { CouncilsService } from './councils.service';

@Module({
  imports: [TypeOrmModule.forFeature([Council, CouncilSeat]), MembershipModule, CharterModule],
  providers: [CouncilsService, CouncilsResolver],
  exports: [CouncilsService],
})
export class CouncilsModule {}
