import { CouncilThread } from '../council-thread.entity';
import { isRestricted } from '../thread-access.service';

const thread = (fields: Partial<CouncilThread>): CouncilThread =>
  ({ restricted: true, opinionPublishedAt: null, ...fields }) as CouncilThread;

describe('isRestricted', () => {
  it('restricts a council thread that has no row yet', () => {
    expect(isRestricted(null)).toBe(true);
  });

  it('opens it once the opinion is published, whatever the setting', () => {
    expect(isRestricted(thread({ opinionPublishedAt: new Date() }))).toBe(false);
  });

  it('follows the chair’s setting before the opinion', () => {
    expect(isRestricted(thread({ restricted: true }))).toBe(true);
    expect(isRestricted(thread({ restricted: false }))).toBe(false);
  });
});
