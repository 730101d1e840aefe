import { CharterService } from '@delibera/charter';
import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const CHARTER = `query ($version: Int) { charter(version: $version) {
  version proxyLimitPerHolder volunteerHourRate assemblyQuorum { numerator denominator }
  rules { decisionType decidingBody consultedCouncils voteMethod threshold { numerator denominator }
          thresholdComparison thresholdBase quorum { kind ratio { numerator denominator } } secrecy collegeWeighting minNoticeDays }
} }`;

type Rule = { decisionType: string; [key: string]: unknown };

describe('charter and health (e2e)', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = (await signedInMember(app)).token;
  });
  afterAll(() => app.close());

  it('serves the founding charter with a rule for every decision type', async () => {
    const { charter } = ok(
      await app.gql<{ charter: { version: number; rules: Rule[] } }>(CHARTER, {}, { token }),
    );
    expect(charter.version).toBe(1);
    const rule = (type: string) => charter.rules.find((r) => r.decisionType === type);
    expect(rule('OrdinaryResolution')).toMatchObject({
      threshold: { numerator: 1, denominator: 2 },
      thresholdComparison: 'MoreThan',
      thresholdBase: 'Cast',
    });
    expect(rule('SpecialResolution')).toMatchObject({
      threshold: { numerator: 2, denominator: 3 },
      thresholdComparison: 'AtLeast',
    });
    expect(rule('CharterAmendment')).toMatchObject({ threshold: { numerator: 2, denominator: 3 } });
    expect(rule('ContributionScale')).toMatchObject({
      decidingBody: 'GeneralAssembly',
      consultedCouncils: ['youth', 'seniors', 'artists'],
    });
    expect(rule('TrusteeElection')).toMatchObject({
      voteMethod: 'SingleTransferableVote',
      secrecy: 'Secret',
    });
    expect(rule('Referendum')).toMatchObject({
      decidingBody: 'AllMembers',
      quorum: { kind: 'Ratio', ratio: { numerator: 1, denominator: 4 } },
    });
    expect(charter.rules).toHaveLength(9);
  });

  it('keeps past versions readable after an amendment creates the next one', async () => {
    const charters = app.app.get(CharterService);
    await app.dataSource.transaction((manager) =>
      charters.adoptNextVersion(manager, {
        proposalId: '00000000-0000-4000-8000-000000000001',
        actorAccountId: null,
        summary: 'Proxy limit raised',
        settings: { proxyLimitPerHolder: 5 },
        rules: { special_resolution: { thresholdNumerator: 3, thresholdDenominator: 4 } } as never,
      }),
    );
    const now = ok(
      await app.gql<{ charter: { version: number; proxyLimitPerHolder: number; rules: Rule[] } }>(
        CHARTER,
        {},
        { token },
      ),
    );
    expect(now.charter).toMatchObject({ version: 2, proxyLimitPerHolder: 5 });
    expect(now.charter.rules.find((r) => r.decisionType === 'SpecialResolution')).toMatchObject({
      threshold: { numerator: 3, denominator: 4 },
    });
    expect(now.charter.rules).toHaveLength(9);
    const before = ok(
      await app.gql<{ charter: { proxyLimitPerHolder: number } }>(
        CHARTER,
        { version: 1 },
        { token },
      ),
    );
    expect(before.charter.proxyLimitPerHolder).toBe(3);
    expect(errorCode(await app.gql(CHARTER, { version: 99 }, { token }))).toBe(
      'CHARTER_VERSION_NOT_FOUND',
    );
  });

  it('answers /health and /ready with database, Redis and migrations up', async () => {
    const base = app.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' }, migrations: { status: 'up' } },
    });
  });
});
