import { FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { ErrorAlert } from '../components/feedback';
import { TextField } from '../components/text-field';
import { graphql } from '../gql';
import type { AssemblyPageQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import {
  AGENDA_KINDS,
  AgendaItemDraft,
  AgendaItemFields,
  agendaItemComplete,
  agendaItemInput,
  DISCUSSION_KINDS,
  emptyAgendaItem,
} from './agenda-item-fields';

const ReorderMutation = graphql(`
  mutation ReorderAgenda($input: ReorderAgendaInput!) {
    reorderAgenda(input: $input) {
      id
      position
    }
  }
`);

const AddItemMutation = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      id
      position
    }
  }
`);

const DoorSearchQuery = graphql(`
  query DoorSearch($search: String!) {
    members(search: $search, status: Active, first: 10) {
      edges {
        node {
          id
          displayName
          region
        }
      }
    }
  }
`);

const SecretaryCheckInMutation = graphql(`
  mutation SecretaryCheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      memberId
      mode
      checkedInAt
    }
  }
`);

const SecretaryCheckOutMutation = graphql(`
  mutation SecretaryCheckOut($input: CheckOutInput!) {
    checkOut(input: $input) {
      memberId
      checkedOutAt
    }
  }
`);

const CloseAssemblyMutation = graphql(`
  mutation CloseAssembly($id: UUID!) {
    closeAssembly(id: $id) {
      id
      status
    }
  }
`);

const CancelAssemblyMutation = graphql(`
  mutation CancelAssembly($id: UUID!) {
    cancelAssembly(id: $id) {
      id
      status
    }
  }
`);

type Assembly = AssemblyPageQuery['assembly'];
type Changed = (message: string) => void;

/** The agenda in order, each item movable up or down by a button (keyboard and screen reader alike). */
export function AgendaOrder({ assembly, onChanged }: { assembly: Assembly; onChanged: Changed }) {
  const t = useT();
  const { locale } = useLocale();
  const [result, reorder] = useMutation(ReorderMutation);
  // The button to focus once the new order shows: the moved item's, so the reader can keep moving it.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const ids = assembly.agenda.map((item) => item.id);
  const title = (item: Assembly['agenda'][number]) =>
    locale === 'en-CA' ? item.titleEn : item.titleFr;

  useEffect(() => {
    const button = focusNext && document.getElementById(focusNext);
    if (button instanceof HTMLButtonElement && !button.disabled) {
      button.focus();
      setFocusNext(null);
    }
  }, [focusNext, assembly.agenda]);

  function move(index: number, by: -1 | 1) {
    const order = [...ids];
    [order[index], order[index + by]] = [order[index + by], order[index]];
    const item = assembly.agenda[index];
    const position = index + by;
    // At either end the button just used goes grey: the other one takes the focus.
    const atEnd = by === 1 ? position === ids.length - 1 : position === 0;
    const direction = (by === 1) !== atEnd ? 'down' : 'up';
    void reorder({ input: { assemblyId: assembly.id, itemIds: order } }).then((response) => {
      if (!response.data) return;
      setFocusNext(`move-${direction}-${item.id}`);
      onChanged(t('agendaItem.moved', { title: title(item), position: position + 1 }));
    });
  }

  return (
    <>
      <ErrorAlert error={result.error} />
      <ol className="agenda-order">
        {assembly.agenda.map((item, index) => (
          <li key={item.id}>
            <span>
              {index + 1}. {title(item)}
              {item.decisionType && (
                <span className="meta"> · {t(`decisionType.${item.decisionType}`)}</span>
              )}
            </span>
            <span className="button-row">
              <button
                id={`move-up-${item.id}`}
                type="button"
                className="button-secondary small"
                disabled={index === 0}
                aria-label={t('agendaItem.moveUp', { title: title(item) })}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                id={`move-down-${item.id}`}
                type="button"
                className="button-secondary small"
                disabled={index === ids.length - 1}
                aria-label={t('agendaItem.moveDown', { title: title(item) })}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Adds an item at the end of the agenda; the API refuses one needing more notice than is left. */
export function AddAgendaItem({ assembly, onChanged }: { assembly: Assembly; onChanged: Changed }) {
  const t = useT();
  const [item, setItem] = useState<AgendaItemDraft>(emptyAgendaItem);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, add] = useMutation(AddItemMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!agendaItemComplete(item)) {
      setProblem(t('agendaItem.missing'));
      return;
    }
    setProblem(null);
    const response = await add({ input: { assemblyId: assembly.id, item: agendaItemInput(item) } });
    if (response.data) {
      setItem(emptyAgendaItem());
      onChanged(t('agendaItem.added'));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
      <h3>{t('agendaItem.addTitle')}</h3>
      <ErrorAlert error={problem ?? result.error} />
      <AgendaItemFields
        prefix="new-item"
        item={item}
        kinds={assembly.kind === 'GeneralAssembly' ? AGENDA_KINDS : DISCUSSION_KINDS}
        onChange={setItem}
      />
      <button type="submit" className="button-secondary" disabled={result.fetching}>
        {t('agendaItem.add')}
      </button>
    </form>
  );
}

/** At the door: the secretary finds a member by name and records them present in the room, or leaving. */
export function DoorCheckIn({ assembly, onChanged }: { assembly: Assembly; onChanged: Changed }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState('');
  const [found] = useQuery({
    query: DoorSearchQuery,
    variables: { search: asked },
    pause: asked.length < 2,
    requestPolicy: 'network-only',
  });
  const [result, checkIn] = useAnnouncedMutation(SecretaryCheckInMutation, onChanged);
  const [leaving, checkOut] = useAnnouncedMutation(SecretaryCheckOutMutation, onChanged);
  const members = found.data?.members.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="stack">
      <h3>{t('door.title')}</h3>
      <form
        className="form-row"
        role="search"
        aria-label={t('door.title')}
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(search.trim());
        }}
      >
        <TextField
          id="door-search"
          label={t('door.search')}
          maxLength={100}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="submit" className="button-secondary">
          {t('door.find')}
        </button>
      </form>
      <ErrorAlert error={found.error ?? result.error ?? leaving.error} />
      {found.data && members.length === 0 && <p>{t('door.none')}</p>}
      <ul className="plain-list" aria-live="polite">
        {members.map((member) => (
          <li key={member.id}>
            {member.displayName}
            <button
              type="button"
              className="button-secondary small"
              disabled={result.fetching}
              aria-label={t('door.checkInLabel', { name: member.displayName })}
              onClick={() =>
                checkIn(
                  { input: { assemblyId: assembly.id, memberId: member.id, mode: 'Present' } },
                  t('door.checkedIn', { name: member.displayName }),
                )
              }
            >
              {t('door.checkIn')}
            </button>
            <button
              type="button"
              className="button-secondary small"
              disabled={leaving.fetching}
              aria-label={t('door.checkOutLabel', { name: member.displayName })}
              onClick={() =>
                checkOut(
                  { input: { assemblyId: assembly.id, memberId: member.id } },
                  t('door.checkedOut', { name: member.displayName }),
                )
              }
            >
              {t('door.checkOut')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Closing (attendance and proxies freeze, the minutes are final) or cancelling, each confirmed once. */
export function EndAssembly({ assembly, onChanged }: { assembly: Assembly; onChanged: Changed }) {
  const t = useT();
  const [asking, setAsking] = useState<'close' | 'cancel' | null>(null);
  const [closing, close] = useAnnouncedMutation(CloseAssemblyMutation, onChanged);
  const [cancelling, cancel] = useAnnouncedMutation(CancelAssemblyMutation, onChanged);
  const pending = closing.fetching || cancelling.fetching;

  function confirm() {
    if (asking === 'close') close({ id: assembly.id }, t('assemblyEnd.closed'));
    else cancel({ id: assembly.id }, t('assemblyEnd.cancelled'));
  }

  return (
    <div className="stack">
      <h3>{t('assemblyEnd.title')}</h3>
      <ErrorAlert error={closing.error ?? cancelling.error} />
      {asking ? (
        <div className="stack" role="group" aria-labelledby="assembly-end-question">
          <p id="assembly-end-question">
            {t(asking === 'close' ? 'assemblyEnd.confirmClose' : 'assemblyEnd.confirmCancel')}
          </p>
          <div className="form-row">
            <button
              type="button"
              className="button-primary"
              disabled={pending}
              autoFocus
              onClick={confirm}
            >
              {t(asking === 'close' ? 'assemblyEnd.close' : 'assemblyEnd.cancel')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-row">
          <button type="button" className="button-secondary" onClick={() => setAsking('close')}>
            {t('assemblyEnd.close')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setAsking('cancel')}>
            {t('assemblyEnd.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
