import { parse } from 'graphql';
import { costDependsOnVariables } from '../query-cost';

describe('costDependsOnVariables', () => {
  it.each([
    ['no variables', '{ votes(first: 5) { edges { node { id } } } }'],
    [
      'a variable in an input, not a page size',
      'mutation ($input: CastBallotInput!) { castBallot(input: $input) { receipt } }',
    ],
    ['a literal page size beside a variable', 'query ($id: UUID!) { vote(id: $id) { id } }'],
  ])('is false with %s', (_case, query) => {
    expect(costDependsOnVariables(parse(query))).toBe(false);
  });

  it.each([
    ['a page size as a variable', 'query ($n: Int) { votes(first: $n) { edges { node { id } } } }'],
    ['a limit as a variable', 'query ($n: Int) { events(limit: $n) { id } }'],
    [
      'an @include condition',
      'query ($big: Boolean!) { me { id votes @include(if: $big) { id } } }',
    ],
    [
      'a @skip condition in a fragment',
      'query ($s: Boolean!) { ...F } fragment F on Query { me @skip(if: $s) { id } }',
    ],
  ])('is true with %s', (_case, query) => {
    expect(costDependsOnVariables(parse(query))).toBe(true);
  });
});
