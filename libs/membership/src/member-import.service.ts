import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, DomainError, requestContext, validationError } from '@delibera/kernel';
import { NotificationsService } from '@delibera/notifications';
import { MemberFieldsInput } from './dto/member-fields.input';
import { Member } from './entities';
import { memberRuleProblems, normaliseEmail } from './member-rules';
import { MembershipErrors } from './membership.errors';
import { MemberKind, MemberStatus } from './membership.enums';
import { MembershipService } from './membership.service';

export interface RowProblem {
  line: number;
  field: string;
  code: string;
  message: string;
}

const COLUMNS = [
  'kind',
  'displayName',
  'email',
  'college',
  'region',
  'locale',
  'birthDate',
  'organisationCategory',
  'sizeBand',
  'representativeName',
];
const INSERT_CHUNK = 1000;

/**
 * Imports a register of members from CSV, all or nothing: every row is checked
 * by the same rules as the invitation form, and a file with any bad row is
 * refused whole with a report naming each problem by line.
 */
@Injectable()
export class MemberImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async import(
    actor: AuthUser,
    csv: string,
    sendInvitations: boolean,
  ): Promise<{ imported: number; invited: number }> {
    const rows = this.parse(csv);
    const result = await this.dataSource.transaction(async (manager) => {
      const colleges = await this.membership.collegeCodes(manager);
      const problems: RowProblem[] = [];
      const problem = (line: number, field: string, error: DomainError) =>
        problems.push({
          line,
          field,
          code: error.code,
          message: error.localizedMessage(requestContext.locale()),
        });

      const seen = new Map<string, number>();
      const inputs = rows.map(({ line, record }) => {
        const input = plainToInstance(MemberFieldsInput, record);
        const formatErrors = validateSync(input);
        if (formatErrors.length > 0) {
          const error = validationError(formatErrors);
          for (const f of (error.details as { fields: { field: string; code: string }[] }).fields) {
            problem(
              line,
              f.field,
              new DomainError(f.code, { field: f.field, value: String(record[f.field] ?? '') }),
            );
          }
          return input;
        }
        for (const p of memberRuleProblems(input, new Set(colleges.keys()))) {
          problem(
            line,
            p.field,
            MembershipErrors[p.code]({ college: input.college, region: input.region }),
          );
        }
        const email = normaliseEmail(input.email);
        const firstLine = seen.get(email);
        if (firstLine !== undefined)
          problem(line, 'email', MembershipErrors.EMAIL_TAKEN({ email }));
        else seen.set(email, line);
        return input;
      });

      const taken: { email: string }[] = await manager.query(
        'SELECT lower(email) AS email FROM member WHERE lower(email) = ANY($1)',
        [[...seen.keys()]],
      );
      for (const { email } of taken)
        problem(seen.get(email)!, 'email', MembershipErrors.EMAIL_TAKEN({ email }));

      if (problems.length > 0) {
        problems.sort((a, b) => a.line - b.line);
        throw MembershipErrors.IMPORT_INVALID(
          { count: new Set(problems.map((p) => p.line)).size },
          { rows: problems },
        );
      }

      const now = new Date();
      const members: Member[] = [];
      for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
        const chunk = inputs
          .slice(start, start + INSERT_CHUNK)
          .map((input) => this.toMember(input, colleges.get(input.college)!.id, now));
        const inserted = await manager.insert(Member, chunk);
        chunk.forEach((member, i) => (member.id = inserted.identifiers[i].id as string));
        members.push(...(chunk as Member[]));
        await manager.query(
          `INSERT INTO member_status_change (member_id, from_status, to_status, changed_by_account_id, reason)
           SELECT unnest($1::uuid[]), NULL, 'active', $2::uuid, 'imported'`,
          [chunk.map((m) => m.id), actor.accountId],
        );
      }
      if (sendInvitations)
        await this.membership.createInvitations(manager, members, actor.accountId);
      await this.audit.append(manager, {
        actorAccountId: actor.accountId,
        action: 'member.imported',
        entityType: 'member',
        data: {
          count: members.length,
          sha256: createHash('sha256').update(csv).digest('hex'),
          memberIds: members.map((m) => m.id),
        },
      });
      return { imported: members.length, invited: sendInvitations ? members.length : 0 };
    });
    if (result.invited > 0) await this.notifications.kick();
    return result;
  }

  private parse(csv: string): { line: number; record: Record<string, string | undefined> }[] {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse(csv, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
      });
    } catch (error) {
      throw MembershipErrors.IMPORT_MALFORMED({ detail: (error as Error).message });
    }
    const header = records[0] ? Object.keys(records[0].record) : [];
    const unknown = header.filter((column) => !COLUMNS.includes(column));
    if (
      records.length === 0 ||
      unknown.length > 0 ||
      !['kind', 'displayName', 'email', 'college', 'region'].every((c) => header.includes(c))
    ) {
      throw MembershipErrors.IMPORT_MALFORMED({ detail: `expected columns ${COLUMNS.join(',')}` });
    }
    return records.map(({ record, info }) => ({
      line: info.lines,
      // Empty cells mean "not given", not "empty string".
      record: Object.fromEntries(
        Object.entries(record).map(([k, v]) => [k, v === '' ? undefined : v]),
      ),
    }));
  }

  private toMember(input: MemberFieldsInput, collegeId: string, now: Date): Partial<Member> {
    const isOrganisation = input.kind === MemberKind.Organisation;
    return {
      kind: input.kind,
      displayName: input.displayName.trim(),
      email: normaliseEmail(input.email),
      status: MemberStatus.Active,
      collegeId,
      region: input.region,
      locale: input.locale ?? 'fr',
      birthDate: isOrganisation ? null : (input.birthDate ?? null),
      organisationCategory: isOrganisation ? (input.organisationCategory ?? null) : null,
      sizeBand: isOrganisation ? (input.sizeBand ?? null) : null,
      representativeName: isOrganisation ? (input.representativeName ?? null) : null,
      admittedAt: now,
    };
  }
}
