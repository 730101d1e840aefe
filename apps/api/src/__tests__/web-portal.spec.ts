import { isApiPath } from '../web-portal';

describe('which addresses the API keeps for itself', () => {
  it('keeps its endpoints and the queue dashboard', () => {
    for (const path of [
      '/graphql',
      '/health',
      '/admin/queues',
      '/admin/queues/api/queues',
      '/exports/x',
    ])
      expect({ path, api: isApiPath(path) }).toEqual({ path, api: true });
  });

  it('leaves the portal’s pages to the portal, the member register at /admin/members included', () => {
    for (const path of ['/', '/admin/members', '/assemblies/new', '/administration', '/graphqlx'])
      expect({ path, api: isApiPath(path) }).toEqual({ path, api: false });
  });
});
