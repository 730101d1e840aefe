import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER, JobHandler } from './job-handler';
import { JobName } from './jobs';

/** Pure check, kept apart so it is tested without Nest: each job name has exactly one handler. */
export function checkHandlerCoverage(
  jobNames: readonly string[],
  handled: readonly { name: string; handler: string }[],
): string[] {
  const problems: string[] = [];
  for (const name of jobNames) {
    const owners = handled.filter((h) => h.name === name).map((h) => h.handler);
    if (owners.length === 0) problems.push(`job "${name}" has no handler`);
    if (owners.length > 1)
      problems.push(`job "${name}" has ${owners.length} handlers: ${owners.join(', ')}`);
  }
  for (const { name, handler } of handled) {
    if (!jobNames.includes(name)) problems.push(`${handler} handles unknown job "${name}"`);
  }
  return problems;
}

/** Finds every @HandlesJob provider and refuses to start if coverage is not exact. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        name: this.reflector.get<string | undefined>(
          JOB_HANDLER,
          wrapper.metatype as object as never,
        ),
        handler: wrapper.name,
        instance: wrapper.instance as JobHandler,
      }))
      .filter((h): h is { name: string; handler: string; instance: JobHandler } => !!h.name);
    const problems = checkHandlerCoverage(Object.values(JobName), found);
    if (problems.length > 0)
      throw new Error(`Job handlers are inconsistent:\n- ${problems.join('\n- ')}`);
    for (const h of found) this.handlers.set(h.name, h.instance);
  }

  handlerFor(name: string): JobHandler {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    return handler;
  }
}
