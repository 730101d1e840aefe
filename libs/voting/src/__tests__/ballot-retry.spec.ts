import { randomUUID } from 'node:crypto';
import { ballotRetry, openAnswer, sealAnswer } from '../ballots/ballot-retry';

describe('ballot retry seal', () => {
  const vote = randomUUID();
  const voter = randomUUID();
  const content = '{"option":"yes"}';
  const answer = { receipt: 'a1'.repeat(16), replaced: false };

  it('opens with the same request id and ballot, and only with them', () => {
    const key = randomUUID();
    const sealed = sealAnswer(ballotRetry(key, vote, voter), answer, content);
    expect(openAnswer(ballotRetry(key.toUpperCase(), vote, voter), sealed, content)).toEqual(
      answer,
    );
    expect(openAnswer(ballotRetry(key, vote, voter), sealed, '{"option":"no"}')).toBeNull();
    expect(openAnswer(ballotRetry(randomUUID(), vote, voter), sealed, content)).toBeNull();
    expect(openAnswer(ballotRetry(key, vote, randomUUID()), sealed, content)).toBeNull();
  });

  it('derives a tag per request, voter and vote, and keeps the receipt out of sight', () => {
    const key = randomUUID();
    const retry = ballotRetry(key, vote, voter);
    expect(retry.tag.equals(ballotRetry(key, vote, voter).tag)).toBe(true);
    expect(retry.tag.equals(ballotRetry(key, randomUUID(), voter).tag)).toBe(false);
    expect(retry.tag.equals(ballotRetry(randomUUID(), vote, voter).tag)).toBe(false);
    const sealed = sealAnswer(retry, answer, content);
    expect(sealed.includes(Buffer.from(answer.receipt))).toBe(false);
    expect(sealed.includes(Buffer.from(answer.receipt, 'hex'))).toBe(false);
    // A fresh IV each time: sealing the same answer twice gives different bytes.
    expect(sealed.equals(sealAnswer(retry, answer, content))).toBe(false);
  });
});
