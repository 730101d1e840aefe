import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/feedback';
import { MemberName } from '../components/member-name';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const SetChairMutation = graphql(`
  mutation SetCouncilChair($input: SetCouncilChairInput!) {
    setCouncilChair(input: $input) {
      id
      chairMemberId
    }
  }
`);

/** The secretary names the council's chair among the members who sit on it. */
export function ChairForm({
  councilId,
  councilName,
  chairMemberId,
  seatedMemberIds,
  onDone,
}: {
  councilId: string;
  councilName: string;
  chairMemberId: string | null;
  seatedMemberIds: string[];
  onDone(message: string): void;
}) {
  const t = useT();
  const [chosen, setChosen] = useState(chairMemberId ?? '');
  const [result, setChair] = useMutation(SetChairMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const response = await setChair({ input: { councilId, memberId: chosen } });
    if (response.data) onDone(t('councilAdmin.chairNamed', { council: councilName }));
  }

  if (seatedMemberIds.length === 0) return <p>{t('councilAdmin.noneSeated')}</p>;
  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <ErrorAlert error={result.error} />
      <fieldset>
        <legend>{t('councilAdmin.chairLegend', { council: councilName })}</legend>
        {seatedMemberIds.map((memberId) => (
          <div className="checkbox" key={memberId}>
            <input
              id={`chair-${councilId}-${memberId}`}
              type="radio"
              name={`chair-${councilId}`}
              value={memberId}
              checked={chosen === memberId}
              onChange={() => setChosen(memberId)}
            />
            <label htmlFor={`chair-${councilId}-${memberId}`}>
              <MemberName id={memberId} />
              {memberId === chairMemberId && ` (${t('councilAdmin.currentChair')})`}
            </label>
          </div>
        ))}
      </fieldset>
      <button
        type="submit"
        className="button-secondary"
        disabled={result.fetching || !chosen || chosen === chairMemberId}
      >
        {t('councilAdmin.chairSubmit')}
      </button>
    </form>
  );
}
