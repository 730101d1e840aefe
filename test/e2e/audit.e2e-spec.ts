import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

describe('audit log through GraphQL (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('records changes, lets trustees verify the chain and page through the log, and hides it from members', async () => {
    const secretary = await signedInMember(app, [Role.Secretary]);
    const trustee = await signedInMember(app, [Role.Trustee]);
    const member = await signedInMember(app);
    for (const email of ['a@audit.example', 'b@audit.example', 'c@audit.example']) {
      ok(
        await app.gql(
          'mutation ($input: MemberFieldsInput!) { inviteMember(input: $input) { id } }',
          {
            input: {
              kind: 'Person',
              displayName: email,
              email,
              college: 'individuals',
              region: '05',
            },
          },
          { token: secretary.token },
        ),
      );
    }

    const verified = ok(
      await app.gql<{ auditVerify: { valid: boolean; checked: number; headHash: string } }>(
        '{ auditVerify { valid checked headHash firstBrokenSeq } }',
        {},
        { token: trustee.token },
      ),
    );
    expect(verified.auditVerify).toMatchObject({ valid: true, checked: 3 });
    expect(verified.auditVerify.headHash).toMatch(/^[0-9a-f]{64}$/);

    const first = ok(
      await app.gql<{
        auditLog: {
          totalCount: number;
          edges: { node: { seq: number; action: string; data: { after: { email: string } } } }[];
          pageInfo: { endCursor: string };
        };
      }>(
        '{ auditLog(first: 2) { totalCount edges { node { seq action actorAccountId data } } pageInfo { endCursor hasNextPage } } }',
        {},
        { token: trustee.token },
      ),
    );
    expect(first.auditLog.totalCount).toBe(3);
    expect(first.auditLog.edges.map((e) => e.node.seq)).toEqual([3, 2]);
    expect(first.auditLog.edges[0].node).toMatchObject({
      action: 'member.invited',
      data: { after: { email: 'c@audit.example' } },
    });
    const rest = ok(
      await app.gql<{ auditLog: { edges: { node: { seq: number } }[] } }>(
        'query ($after: String) { auditLog(first: 2, after: $after) { edges { node { seq } } } }',
        { after: first.auditLog.pageInfo.endCursor },
        { token: trustee.token },
      ),
    );
    expect(rest.auditLog.edges.map((e) => e.node.seq)).toEqual([1]);

    expect(errorCode(await app.gql('{ auditVerify { valid } }', {}, { token: member.token }))).toBe(
      'FORBIDDEN',
    );
  });
});
