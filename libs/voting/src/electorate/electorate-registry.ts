import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { VotingErrors } from '../voting.errors';
import { ELECTORATE_SOURCE, ElectorateSource } from './electorate-source';

/** Finds every @ProvidesElectorate provider; two sources for one kind is a wiring bug. */
@Injectable()
export class ElectorateRegistry implements OnApplicationBootstrap {
  private readonly sources = new Map<string, ElectorateSource>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const kind = this.reflector.get<string | undefined>(
        ELECTORATE_SOURCE,
        wrapper.metatype as never,
      );
      if (!kind) continue;
      if (this.sources.has(kind) && this.sources.get(kind) !== wrapper.instance)
        throw new Error(`Two electorate sources for kind "${kind}"`);
      this.sources.set(kind, wrapper.instance as ElectorateSource);
    }
  }

  has(kind: string): boolean {
    return this.sources.has(kind);
  }

  sourceFor(kind: string): ElectorateSource {
    const source = this.sources.get(kind);
    if (!source) throw VotingErrors.ELECTORATE_UNAVAILABLE({ kind });
    return source;
  }

  /** Which electorate of `kind` decides this subject; null when the source knows of none. */
  async refForSubject(
    manager: EntityManager,
    kind: string,
    subjectType: string,
    subjectId: string,
  ): Promise<string | null> {
    const source = this.sourceFor(kind);
    return source.refForSubject ? source.refForSubject(manager, subjectType, subjectId) : null;
  }
}
