import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CharterModule } from '@delibera/charter';
import { CouncilsModule } from '@delibera/councils';
import { MembershipModule } from '@delibera/membership';
import { NotificationsModule } from '@delibera/notifications';
import { VotingModule } from '@delibera/voting';
import { AssembliesResolver } from './assemblies.resolver';
import { AssembliesService } from './assemblies.service';
import { AssemblyElectorate } from './assembly-electorate';
import { AttendanceService } from './attendance.service';
import { ASSEMBLIES_ENTITIES } from './entities';
import { MinutesService } from './minutes/minutes.service';
import { ProxiesService } from './proxies.service';
import { CouncilDissolvingListener } from './council-dissolving.listener';

@Module({
  imports: [
    TypeOrmModule.forFeature(ASSEMBLIES_ENTITIES),
    CharterModule,
    CouncilsModule,
    MembershipModule,
    NotificationsModule,
    VotingModule,
  ],
  providers: [
    AssembliesService,
    CouncilDissolvingListener,
    AttendanceService,
    ProxiesService,
    MinutesService,
    AssemblyElectorate,
    AssembliesResolver,
  ],
  exports: [AssembliesService, AttendanceService, MinutesService],
})
export class AssembliesModule {}
