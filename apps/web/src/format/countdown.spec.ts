import { crossedMark, formatRemaining } from './countdown';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const MINUTE = 60_000;

describe('formatRemaining', () => {
  it('shows the two largest units in words', () => {
    const ms = ((2 * 24 + 3) * 60 + 20) * MINUTE;
    expect(plain(formatRemaining(ms, 'fr-CA'))).toBe('2 jours et 3 heures');
    expect(formatRemaining(ms, 'en-CA')).toBe('2 days and 3 hours');
  });

  it('skips a zero unit and rounds down to the minute', () => {
    expect(formatRemaining(24 * 60 * MINUTE + 5 * MINUTE + 59_000, 'en-CA')).toBe('1 day');
    expect(plain(formatRemaining(45 * MINUTE + 30_000, 'fr-CA'))).toBe('45 minutes');
  });

  it('never shows a negative time', () => {
    expect(formatRemaining(-5000, 'en-CA')).toBe('0 minutes');
  });
});

describe('crossedMark', () => {
  it('reports the announcement mark crossed between two readings', () => {
    expect(crossedMark(61 * MINUTE, 59 * MINUTE)).toBe(60);
    expect(crossedMark(16 * MINUTE, 15 * MINUTE)).toBe(15);
    expect(crossedMark(30 * MINUTE, 29 * MINUTE)).toBeNull();
  });
});
