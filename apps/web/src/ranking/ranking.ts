/**
 * The state of a ranking ballot (instant-runoff, Schulze, ranked pairs, STV):
 * the options the voter ranked, in order, and those left unranked. Drag and
 * drop and the keyboard buttons dispatch the same actions, so both ways of
 * ranking behave identically and each move can be announced.
 */
export interface RankingState {
  ranked: string[];
  unranked: string[];
}

export type RankingAction =
  | { type: 'rank'; option: string }
  | { type: 'unrank'; option: string }
  | { type: 'moveUp'; option: string }
  | { type: 'moveDown'; option: string }
  /** Drag and drop: place the option at this position of the ranked list. */
  | { type: 'moveTo'; option: string; index: number }
  | { type: 'reset'; options: string[] };

export function initialRanking(options: string[]): RankingState {
  return { ranked: [], unranked: [...options] };
}

function without(list: string[], option: string): string[] {
  return list.filter((candidate) => candidate !== option);
}

function insertAt(list: string[], option: string, index: number): string[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), option, ...list.slice(at)];
}

export function rankingReducer(state: RankingState, action: RankingAction): RankingState {
  switch (action.type) {
    case 'reset':
      return initialRanking(action.options);
    case 'rank':
      if (!state.unranked.includes(action.option)) return state;
      return {
        ranked: [...state.ranked, action.option],
        unranked: without(state.unranked, action.option),
      };
    case 'unrank': {
      if (!state.ranked.includes(action.option)) return state;
      return {
        ranked: without(state.ranked, action.option),
        unranked: [...state.unranked, action.option],
      };
    }
    case 'moveUp':
    case 'moveDown': {
      const from = state.ranked.indexOf(action.option);
      const to = action.type === 'moveUp' ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= state.ranked.length) return state;
      return {
        ...state,
        ranked: insertAt(without(state.ranked, action.option), action.option, to),
      };
    }
    case 'moveTo': {
      const known = state.ranked.includes(action.option) || state.unranked.includes(action.option);
      if (!known) return state;
      return {
        ranked: insertAt(without(state.ranked, action.option), action.option, action.index),
        unranked: without(state.unranked, action.option),
      };
    }
  }
}

/** The 1-based rank of an option after a move, for the screen-reader announcement; null when unranked. */
export function rankOf(state: RankingState, option: string): number | null {
  const index = state.ranked.indexOf(option);
  return index < 0 ? null : index + 1;
}
