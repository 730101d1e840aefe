import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { MEMBERSHIP_ENTITIES } from './entities';
import { MemberImportService } from './member-import.service';
import { MembershipResolver } from './membership.resolver';
import { MembershipService } from './membership.service';

@Module({
  imports: [TypeOrmModule.forFeature(MEMBERSHIP_ENTITIES)],
  providers: [
    MembershipService,
    MemberImportService,
    AuthService,
    MembershipResolver,
    AuthResolver,
  ],
  exports: [MembershipService, AuthService],
})
export class MembershipModule {}
