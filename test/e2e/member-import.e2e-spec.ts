import { Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const IMPORT =
  'mutation ($input: ImportMembersInput!) { importMembers(input: $input) { imported invited } }';
const HEADER =
  'kind,displayName,email,college,region,locale,birthDate,organisationCategory,sizeBand,representativeName';

function row(i: number): string {
  return i % 3 === 0
    ? `organisation,Organisme ${i},org${i}@import.example,civil_society,${String((i % 17) + 1).padStart(2, '0')},fr,,community,small,Représentant ${i}`
    : `person,"Personne ${i}, membre",person${i}@import.example,individuals,${String((i % 17) + 1).padStart(2, '0')},${i % 2 ? 'en' : 'fr'},1980-01-${String((i % 28) + 1).padStart(2, '0')},,,`;
}

describe('CSV import of members (e2e)', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  const importedCount = () =>
    app.dataSource
      .getRepository(Member)
      .createQueryBuilder('m')
      .where("m.email LIKE '%@import.example'")
      .getCount();

  it('refuses a file with one bad row whole, reporting the row, and imports nothing', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i));
    rows[120] = rows[120].replace('@import.example', '-at-import.example'); // a bad email on line 122
    const response = await app.gql(
      IMPORT,
      { input: { csv: [HEADER, ...rows].join('\n') } },
      { token: secretary, locale: 'en' },
    );
    expect(errorCode(response)).toBe('IMPORT_INVALID');
    expect(response.errors?.[0].message).toBe(
      'The file has 1 invalid row(s); nothing was imported.',
    );
    expect(response.errors?.[0].extensions?.details).toEqual({
      rows: [
        {
          line: 122,
          field: 'email',
          code: 'INVALID_EMAIL',
          message: expect.stringContaining('is not valid'),
        },
      ],
    });
    expect(await importedCount()).toBe(0);
  });

  it('reports every kind of row problem, including duplicates inside the file and with the register', async () => {
    const existing = (
      await app.dataSource.getRepository(Member).findOneByOrFail({ kind: 'person' as never })
    ).email;
    const csv = [
      HEADER,
      row(1),
      row(1), // same email twice
      'person,Sans Collège,nocollege@import.example,nowhere,06,fr,,,,',
      'organisation,Org sans taille,nosize@import.example,civil_society,06,fr,,community,,',
      `person,Déjà là,${existing},individuals,06,fr,,,,`,
    ].join('\n');
    const response = await app.gql(IMPORT, { input: { csv } }, { token: secretary });
    expect(errorCode(response)).toBe('IMPORT_INVALID');
    const rows = (
      response.errors?.[0].extensions?.details as { rows: { line: number; code: string }[] }
    ).rows;
    expect(rows.map((r) => [r.line, r.code])).toEqual([
      [3, 'EMAIL_TAKEN'],
      [4, 'UNKNOWN_COLLEGE'],
      [5, 'ORGANISATION_FIELDS_REQUIRED'],
      [6, 'EMAIL_TAKEN'],
    ]);
    expect(await importedCount()).toBe(0);
  });

  it('refuses a malformed file', async () => {
    const response = await app.gql(
      IMPORT,
      { input: { csv: `${HEADER}\nperson,"unterminated,x@y.z` } },
      { token: secretary },
    );
    expect(errorCode(response)).toBe('IMPORT_MALFORMED');
    expect(
      errorCode(await app.gql(IMPORT, { input: { csv: 'name;email\na;b' } }, { token: secretary })),
    ).toBe('IMPORT_MALFORMED');
    expect(await importedCount()).toBe(0);
  });

  it('imports 5,000 members in one transaction, with their status history and one audit event', async () => {
    const csv = [HEADER, ...Array.from({ length: 5000 }, (_, i) => row(i))].join('\n');
    const data = ok(
      await app.gql<{ importMembers: { imported: number } }>(
        IMPORT,
        { input: { csv } },
        { token: secretary },
      ),
    );
    expect(data.importMembers.imported).toBe(5000);
    expect(await importedCount()).toBe(5000);
    const [history] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM member_status_change c JOIN member m ON m.id = c.member_id WHERE m.email LIKE '%@import.example' AND c.to_status = 'active'`,
    );
    expect(history.n).toBe(5000);
    const [audit] = await app.dataSource.query(
      `SELECT data FROM audit_event WHERE action = 'member.imported'`,
    );
    expect(audit.data.count).toBe(5000);
    const organisation = await app.dataSource
      .getRepository(Member)
      .findOneByOrFail({ email: 'org3@import.example' });
    expect(organisation).toMatchObject({
      kind: 'organisation',
      organisationCategory: 'community',
      representativeName: 'Représentant 3',
    });
    const person = await app.dataSource
      .getRepository(Member)
      .findOneByOrFail({ email: 'person1@import.example' });
    expect(person).toMatchObject({
      displayName: 'Personne 1, membre',
      locale: 'en',
      birthDate: '1980-01-02',
    });
  });

  it('pages through members imported in the same instant without skipping or repeating any', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: {
        members: {
          edges: { node: { email: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = ok(
        await app.gql(
          'query ($after: String) { members(first: 100, after: $after, search: "@import.example") { edges { node { email } } pageInfo { hasNextPage endCursor } } }',
          { after },
          { token: secretary },
        ),
      );
      for (const edge of page.members.edges) seen.add(edge.node.email);
      if (!page.members.pageInfo.hasNextPage) break;
      after = page.members.pageInfo.endCursor;
    }
    expect(seen.size).toBe(5000);
  });

  it('is for the secretary only', async () => {
    const member = await signedInMember(app);
    expect(
      errorCode(
        await app.gql(
          IMPORT,
          { input: { csv: `${HEADER}\n${row(9001)}` } },
          { token: member.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
