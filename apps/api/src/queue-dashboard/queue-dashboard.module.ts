import { Module } from '@nestjs/common';
import { DashboardAccessService } from './dashboard-access.service';
import { QueueDashboardResolver } from './queue-dashboard.resolver';

/** Bull Board for admins: the link mutation here, the mount in mountQueueDashboard(). */
@Module({ providers: [DashboardAccessService, QueueDashboardResolver] })
export class QueueDashboardModule {}
