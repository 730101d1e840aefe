import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { QueueMetrics } from '../queues/queue-metrics';

/**
 * Prometheus metrics (see QueueMetrics). Public like /health; expose it on an
 * internal network only.
 */
@Controller()
@Public()
export class MetricsController {
  constructor(private readonly queueMetrics: QueueMetrics) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.queueMetrics.registry.metrics();
  }
}
