import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CharterErrors } from './charter.errors';
import { DECISION_TYPE_LABELS } from './charter.labels';
import { DecisionType } from './charter.enums';
import { CharterVersion } from './charter-version.entity';
import { DecisionRule } from './decision-rule.entity';

export type CharterSettings = Omit<
  CharterVersion,
  'id' | 'version' | 'adoptedAt' | 'adoptedByProposalId' | 'rules' | 'createdAt'
>;
export type RuleSettings = Omit<DecisionRule, 'id' | 'charterVersion'>;

@Injectable()
export class CharterService {
  constructor(
    @InjectRepository(CharterVersion) private readonly versions: Repository<CharterVersion>,
    private readonly audit: AuditService,
  ) {}

  /** The version in force: the latest adopted one. */
  async inForce(manager?: EntityManager): Promise<CharterVersion> {
    const repo = manager?.getRepository(CharterVersion) ?? this.versions;
    const [latest] = await repo.find({
      relations: { rules: true },
      order: { version: 'DESC' },
      take: 1,
    });
    if (!latest)
      throw new Error('No charter version exists: migrations have not seeded the founding charter');
    return latest;
  }

  /** A version by id, with its rules: the one a running proposal pinned at submission. */
  async byId(id: string, manager?: EntityManager): Promise<CharterVersion> {
    const repo = manager?.getRepository(CharterVersion) ?? this.versions;
    const found = await repo.findOne({ where: { id }, relations: { rules: true } });
    if (!found) throw CharterErrors.CHARTER_VERSION_NOT_FOUND({ version: id });
    return found;
  }

  async byVersion(version: number): Promise<CharterVersion> {
    const found = await this.versions.findOne({ where: { version }, relations: { rules: true } });
    if (!found) throw CharterErrors.CHARTER_VERSION_NOT_FOUND({ version });
    return found;
  }

  async history(): Promise<CharterVersion[]> {
    return this.versions.find({ relations: { rules: true }, order: { version: 'DESC' } });
  }

  /** The rule a decision of this type follows under a given version (the one in force by default). */
  async ruleFor(decisionType: DecisionType, charter?: CharterVersion): Promise<DecisionRule> {
    const version = charter ?? (await this.inForce());
    const rule = version.rules.find((r) => r.decisionType === decisionType);
    if (!rule)
      throw CharterErrors.NO_RULE_FOR_DECISION({
        decisionType: DECISION_TYPE_LABELS[decisionType],
      });
    return rule;
  }

  /** The version a proposal's adoption created, if it did. */
  adoptedBy(manager: EntityManager, proposalId: string): Promise<CharterVersion | null> {
    return manager.findOneBy(CharterVersion, { adoptedByProposalId: proposalId });
  }

  /**
   * Creates the next version from the one in force with the given changes.
   * Called when a charter-amendment proposal is adopted, in that transaction.
   */
  async adoptNextVersion(
    manager: EntityManager,
    change: {
      proposalId: string;
      actorAccountId: string | null;
      summary: string;
      settings?: Partial<CharterSettings>;
      rules?: Partial<Record<DecisionType, Partial<RuleSettings>>>;
    },
  ): Promise<CharterVersion> {
    // Lock the current head so two adoptions cannot both become "version n+1".
    const current = await manager
      .getRepository(CharterVersion)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .orderBy('c.version', 'DESC')
      .limit(1)
      .getOneOrFail();
    const currentRules = await manager.find(DecisionRule, {
      where: { charterVersion: { id: current.id } },
    });
    const { id: _id, version, rules: _rules, createdAt: _createdAt, ...settings } = current;
    const next = manager.create(CharterVersion, {
      ...settings,
      ...change.settings,
      version: version + 1,
      adoptedAt: new Date(),
      adoptedByProposalId: change.proposalId,
      summary: change.summary,
      rules: currentRules.map(({ id: _ruleId, charterVersion: _v, ...rule }) =>
        manager.create(DecisionRule, { ...rule, ...change.rules?.[rule.decisionType] }),
      ),
    });
    const saved = await manager.save(next);
    await this.audit.append(manager, {
      actorAccountId: change.actorAccountId,
      action: 'charter.version_adopted',
      entityType: 'charter_version',
      entityId: saved.id,
      data: {
        version: saved.version,
        proposalId: change.proposalId,
        settings: change.settings ?? {},
        rules: change.rules ?? {},
      },
    });
    return saved;
  }
}
