import { useQuery } from 'urql';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { graphql } from '../gql';
import type { AgendaItemInput, AgendaItemKind, DecisionType, ProposalStatus } from '../gql/graphql';
import { useT } from '../i18n/locale';

const AgendaProposalsQuery = graphql(`
  query AgendaProposals {
    proposals(first: 50) {
      edges {
        node {
          id
          title
          status
          decisionType
        }
      }
    }
  }
`);

export const AGENDA_KINDS: AgendaItemKind[] = [
  'Information',
  'Proposal',
  'Vote',
  'Election',
  'ContributionScale',
];
/** Only a general assembly puts a decision to a binding vote (NO_BINDING_VOTES otherwise). */
export const DISCUSSION_KINDS: AgendaItemKind[] = ['Information', 'Proposal'];
/** Decisions an assembly's proposal or vote item takes; elections and scales carry their own. */
const DECISION_TYPES: DecisionType[] = [
  'OrdinaryResolution',
  'SpecialResolution',
  'CharterAmendment',
  'Budget',
  'Admission',
  'Referendum',
];
/** Proposals still on their way to a decision: those an assembly's agenda can take up. */
const UNDECIDED: ProposalStatus[] = [
  'Submitted',
  'Support',
  'Consultation',
  'Deliberation',
  'Voting',
];

export type AgendaItemDraft = AgendaItemInput & { key: number };

let nextKey = 0;
export function emptyAgendaItem(): AgendaItemDraft {
  return { key: nextKey++, kind: 'Information', titleFr: '', titleEn: '' };
}

/** What the API takes from an item being written: no empty reference, no decision where none applies. */
export function agendaItemInput({ key: _key, ...item }: AgendaItemDraft): AgendaItemInput {
  const decides = item.kind === 'Proposal' || item.kind === 'Vote';
  return {
    kind: item.kind,
    titleFr: item.titleFr.trim(),
    titleEn: item.titleEn.trim(),
    refId: item.kind === 'Information' ? undefined : item.refId?.trim() || undefined,
    decisionType: decides ? (item.decisionType ?? undefined) : undefined,
  };
}

export const agendaItemComplete = (item: AgendaItemDraft) =>
  item.titleFr.trim() !== '' && item.titleEn.trim() !== '';

/**
 * One agenda item's fields: what kind of business, its titles in both
 * languages, and for a proposal the proposal itself (whose title and decision
 * fill in), for a vote or a scale its number.
 */
export function AgendaItemFields({
  prefix,
  item,
  kinds,
  onChange,
}: {
  prefix: string;
  item: AgendaItemDraft;
  kinds: AgendaItemKind[];
  onChange(item: AgendaItemDraft): void;
}) {
  const t = useT();
  const [{ data }] = useQuery({ query: AgendaProposalsQuery, pause: item.kind !== 'Proposal' });
  const proposals =
    data?.proposals.edges
      .map((edge) => edge.node)
      .filter((proposal) => UNDECIDED.includes(proposal.status)) ?? [];
  const set = (patch: Partial<AgendaItemDraft>) => onChange({ ...item, ...patch });

  return (
    <div className="stack">
      <div className="form-row">
        <SelectField
          id={`${prefix}-kind`}
          label={t('agendaItem.kind')}
          value={item.kind}
          onChange={(kind) => set({ kind, refId: undefined })}
          options={kinds.map((kind) => ({ value: kind, label: t(`agendaKind.${kind}`) }))}
        />
        {item.kind === 'Proposal' && (
          <SelectField
            id={`${prefix}-proposal`}
            label={t('agendaItem.proposal')}
            value={item.refId ?? ''}
            onChange={(refId) => {
              const proposal = proposals.find((p) => p.id === refId);
              set({
                refId: refId || undefined,
                titleFr: item.titleFr || proposal?.title || '',
                titleEn: item.titleEn || proposal?.title || '',
                decisionType: proposal?.decisionType ?? item.decisionType,
              });
            }}
            placeholder={t('agendaItem.chooseProposal')}
            options={proposals.map((proposal) => ({
              value: proposal.id,
              label: `${proposal.title} (${t(`proposalStatus.${proposal.status}`)})`,
            }))}
          />
        )}
        {(item.kind === 'Vote' || item.kind === 'ContributionScale') && (
          <TextField
            id={`${prefix}-ref`}
            label={t('agendaItem.reference')}
            className="mono"
            pattern="[0-9a-fA-F-]{36}"
            value={item.refId ?? ''}
            onChange={(event) => set({ refId: event.target.value })}
          />
        )}
        {(item.kind === 'Proposal' || item.kind === 'Vote') && (
          <SelectField
            id={`${prefix}-decision`}
            label={t('agendaItem.decisionType')}
            value={item.decisionType ?? 'OrdinaryResolution'}
            onChange={(decisionType) => set({ decisionType })}
            options={DECISION_TYPES.map((type) => ({
              value: type,
              label: t(`decisionType.${type}`),
            }))}
          />
        )}
      </div>
      <div className="form-row">
        <TextField
          id={`${prefix}-title-fr`}
          label={t('agendaItem.titleFr')}
          lang="fr-CA"
          maxLength={300}
          required
          value={item.titleFr}
          onChange={(event) => set({ titleFr: event.target.value })}
        />
        <TextField
          id={`${prefix}-title-en`}
          label={t('agendaItem.titleEn')}
          lang="en-CA"
          maxLength={300}
          required
          value={item.titleEn}
          onChange={(event) => set({ titleEn: event.target.value })}
        />
      </div>
    </div>
  );
}
