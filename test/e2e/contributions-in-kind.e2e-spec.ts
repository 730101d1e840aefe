import { Role } from '@delibera/kernel';
import { Council } from '@delibera/councils';
import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const RECORD_HOURS = `mutation ($input: RecordVolunteerHoursInput!) { recordVolunteerHours(input: $input) { id status minutes valueCents } }`;
const RECORD_LENT = `mutation ($input: RecordLentResourceInput!) { recordLentResource(input: $input) { id kind status declaredValueCents } }`;
const DECIDE = `mutation ($input: DecideInKindInput!) { decideInKindContribution(input: $input) { id status hourlyRateCents charterVersion valueCents } }`;
const MINE = `{ myInKindContributions { totalCount edges { node { id kind status valueCents personName } } } }`;
const ALL = `query ($memberId: UUID, $councilId: UUID) { inKindContributions(memberId: $memberId, councilId: $councilId) {
  totalCount edges { node { id memberId status valueCents } } } }`;

describe('in-kind contributions (e2e)', () => {
  let app: TestApp;
  let council: Council;
  let chair: Awaited<ReturnType<typeof signedInMember>>;
  let volunteer: Awaited<ReturnType<typeof signedInMember>>;
  let treasurer: string;
  let rate: number;

  beforeAll(async () => {
    app = await startTestApp();
    treasurer = (await signedInMember(app, [Role.Treasurer])).token;
    chair = await signedInMember(app);
    volunteer = await signedInMember(app);
    council = await app.dataSource.getRepository(Council).findOneByOrFail({ code: 'youth' });
    await app.dataSource.query(
      `INSERT INTO council_seat (council_id, member_id, status, term_start, term_end) VALUES ($1, $2, 'active', '2026-01-01', '2028-01-01')`,
      [council.id, chair.member.id],
    );
    await app.dataSource.query('UPDATE council SET chair_member_id = $2 WHERE id = $1', [
      council.id,
      chair.member.id,
    ]);
    [{ rate }] = await app.dataSource.query(
      'SELECT volunteer_hour_rate_cents::int AS rate FROM charter_version ORDER BY version DESC LIMIT 1',
    );
  });
  afterAll(() => app.close());

  it('values volunteer hours approved by the council chair at the charter rate, seen by the member and the treasurer', async () => {
    const hours = ok(
      await app.gql<{
        recordVolunteerHours: { id: string; status: string; valueCents: number | null };
      }>(
        RECORD_HOURS,
        {
          input: {
            personName: 'Camille Tremblay',
            activity: 'Animation de la consultation jeunesse',
            performedOn: '2026-10-03',
            minutes: 150,
            councilId: council.id,
          },
        },
        { token: volunteer.token },
      ),
    ).recordVolunteerHours;
    expect(hours).toMatchObject({ status: 'Pending', valueCents: null });

    // Neither another member nor the volunteer may approve it.
    const stranger = await signedInMember(app);
    for (const token of [stranger.token, volunteer.token]) {
      const refused = await app.gql(DECIDE, { input: { id: hours.id, approve: true } }, { token });
      expect(errorCode(refused)).toBe('FORBIDDEN');
    }
    // The chair sees what waits in their council.
    const pending = ok(
      await app.gql<{ inKindContributions: { totalCount: number } }>(
        ALL,
        { councilId: council.id },
        { token: chair.token },
      ),
    ).inKindContributions;
    expect(pending.totalCount).toBe(1);

    const approved = ok(
      await app.gql<{ decideInKindContribution: Record<string, unknown> }>(
        DECIDE,
        { input: { id: hours.id, approve: true } },
        { token: chair.token },
      ),
    ).decideInKindContribution;
    expect(approved).toMatchObject({
      status: 'Approved',
      hourlyRateCents: rate,
      charterVersion: 1,
      valueCents: (150 * rate) / 60,
    });
    const again = await app.gql(
      DECIDE,
      { input: { id: hours.id, approve: false } },
      { token: chair.token },
    );
    expect(errorCode(again)).toBe('IN_KIND_ALREADY_DECIDED');

    const mine = ok(
      await app.gql<{
        myInKindContributions: { totalCount: number; edges: { node: Record<string, unknown> }[] };
      }>(MINE, {}, { token: volunteer.token }),
    ).myInKindContributions;
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node).toMatchObject({
      id: hours.id,
      status: 'Approved',
      valueCents: (150 * rate) / 60,
    });

    const all = ok(
      await app.gql<{
        inKindContributions: { edges: { node: { id: string; memberId: string } }[] };
      }>(ALL, {}, { token: treasurer }),
    ).inKindContributions;
    expect(all.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ id: hours.id, memberId: volunteer.member.id }),
    );

    // Members see only their own.
    const peek = await app.gql(ALL, { memberId: volunteer.member.id }, { token: stranger.token });
    expect(errorCode(peek)).toBe('FORBIDDEN');
    expect(
      ok(
        await app.gql<{ myInKindContributions: { totalCount: number } }>(
          MINE,
          {},
          { token: stranger.token },
        ),
      ).myInKindContributions.totalCount,
    ).toBe(0);
  });

  it('records lent premises at a declared value, approved by the treasurer; negative values refused', async () => {
    const negative = await app.gql(
      RECORD_LENT,
      {
        input: {
          kind: 'LentPremises',
          activity: 'Salle communautaire',
          performedOn: '2026-09-12',
          declaredValueCents: -1,
        },
      },
      { token: volunteer.token },
    );
    expect(errorCode(negative)).toBe('NEGATIVE_AMOUNT');
    const staffWithoutDays = await app.gql(
      RECORD_LENT,
      {
        input: {
          kind: 'SecondedStaff',
          activity: 'Comptabilité',
          performedOn: '2026-09-12',
          declaredValueCents: 100,
        },
      },
      { token: volunteer.token },
    );
    expect(errorCode(staffWithoutDays)).toBe('IN_KIND_FIELDS');
    const lent = ok(
      await app.gql<{ recordLentResource: { id: string } }>(
        RECORD_LENT,
        {
          input: {
            kind: 'LentPremises',
            activity: 'Salle communautaire',
            performedOn: '2026-09-12',
            declaredValueCents: 45_000,
          },
        },
        { token: volunteer.token },
      ),
    ).recordLentResource;
    const byChair = await app.gql(
      DECIDE,
      { input: { id: lent.id, approve: true } },
      { token: chair.token },
    );
    expect(errorCode(byChair)).toBe('FORBIDDEN');
    const approved = ok(
      await app.gql<{ decideInKindContribution: { valueCents: number } }>(
        DECIDE,
        { input: { id: lent.id, approve: true } },
        { token: treasurer },
      ),
    ).decideInKindContribution;
    expect(approved.valueCents).toBe(45_000);
  });
});
