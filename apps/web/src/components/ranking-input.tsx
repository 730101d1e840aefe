import { DragEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/locale';
import { RankingAction, rankingReducer, RankingState, rankOf } from '../ranking/ranking';

interface Props {
  state: RankingState;
  dispatch(action: RankingAction): void;
  labelOf(option: string): string;
}

type OptionAction = Exclude<RankingAction, { type: 'reset' }>;

const DRAG_TYPE = 'application/x-delibera-option';

function allowDrop(event: DragEvent) {
  if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
}

/** One option, draggable, with its rank (when ranked) and its keyboard controls. */
function OptionRow(props: {
  option: string;
  label: string;
  rank?: number;
  onDrop?(event: DragEvent): void;
  children: ReactNode;
}) {
  return (
    <li
      data-option={props.option}
      className="ranking-item"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, props.option);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={props.onDrop ? allowDrop : undefined}
      onDrop={props.onDrop}
    >
      {props.rank !== undefined && (
        <span className="rank-number" aria-hidden="true">
          {props.rank}
        </span>
      )}
      <span className="rank-label">{props.label}</span>
      <span className="rank-actions">{props.children}</span>
    </li>
  );
}

/**
 * Ranking by drag and drop and by keyboard: every option has buttons (rank,
 * up, down, remove) that do what dragging does, focus follows the moved
 * option, and each move is announced in a live region.
 */
export function RankingInput({ state, dispatch, labelOf }: Props) {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ option: string; prefer: string } | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const total = state.ranked.length + state.unranked.length;

  function act(action: OptionAction, prefer: 'up' | 'down' | 'rank') {
    // The reducer is pure: the next state words the announcement before React applies it.
    const next = rankingReducer(state, action);
    dispatch(action);
    const rank = rankOf(next, action.option);
    const option = labelOf(action.option);
    setAnnouncement(
      rank === null
        ? t('ranking.announce.unranked', { option })
        : t('ranking.announce.rank', { option, rank, total: next.ranked.length }),
    );
    setFocus({ option: action.option, prefer });
  }

  // Focus stays on the moved option: the preferred control, or its first one still enabled.
  useEffect(() => {
    if (!focus || !container.current) return;
    const item = container.current.querySelector(`li[data-option="${CSS.escape(focus.option)}"]`);
    const target =
      item?.querySelector<HTMLButtonElement>(
        `button[data-control="${focus.prefer}"]:not([disabled])`,
      ) ?? item?.querySelector<HTMLButtonElement>('button:not([disabled])');
    target?.focus();
    setFocus(null);
  }, [focus, state]);

  function dropInto(event: DragEvent, index: number | null) {
    event.preventDefault();
    event.stopPropagation();
    const option = event.dataTransfer.getData(DRAG_TYPE);
    if (!option) return;
    if (index === null) act({ type: 'unrank', option }, 'rank');
    else act({ type: 'moveTo', option, index }, 'up');
  }

  return (
    <div className="ranking" ref={container}>
      <p className="hint" id="ranking-help">
        {t('ranking.help')}
      </p>
      <h3 id="ranked-title">{t('ranking.ranked', { count: state.ranked.length, total })}</h3>
      <ol
        className="ranking-list ranked"
        aria-labelledby="ranked-title"
        aria-describedby="ranking-help"
        onDragOver={allowDrop}
        onDrop={(event) => dropInto(event, state.ranked.length)}
      >
        {state.ranked.length === 0 && <li className="ranking-empty">{t('ranking.emptyRanked')}</li>}
        {state.ranked.map((option, index) => {
          const label = labelOf(option);
          return (
            <OptionRow
              key={option}
              option={option}
              label={label}
              rank={index + 1}
              onDrop={(event) => dropInto(event, index)}
            >
              <button
                type="button"
                className="button-secondary small"
                data-control="up"
                aria-label={t('ranking.moveUp', { option: label })}
                disabled={index === 0}
                onClick={() => act({ type: 'moveUp', option }, 'up')}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="button-secondary small"
                data-control="down"
                aria-label={t('ranking.moveDown', { option: label })}
                disabled={index === state.ranked.length - 1}
                onClick={() => act({ type: 'moveDown', option }, 'down')}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                className="button-secondary small"
                aria-label={t('ranking.remove', { option: label })}
                onClick={() => act({ type: 'unrank', option }, 'rank')}
              >
                {t('ranking.removeShort')}
              </button>
            </OptionRow>
          );
        })}
      </ol>
      <h3 id="unranked-title">{t('ranking.unranked')}</h3>
      <ul
        className="ranking-list"
        aria-labelledby="unranked-title"
        onDragOver={allowDrop}
        onDrop={(event) => dropInto(event, null)}
      >
        {state.unranked.length === 0 && (
          <li className="ranking-empty">{t('ranking.emptyUnranked')}</li>
        )}
        {state.unranked.map((option) => {
          const label = labelOf(option);
          return (
            <OptionRow key={option} option={option} label={label}>
              <button
                type="button"
                className="button-secondary small"
                data-control="rank"
                aria-label={t('ranking.add', { option: label })}
                onClick={() => act({ type: 'rank', option }, 'up')}
              >
                {t('ranking.addShort')}
              </button>
            </OptionRow>
          );
        })}
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
