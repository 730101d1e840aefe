import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../components/feedback';
import { LANGUAGE_OPTIONS, SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { localizedName } from '../format/names';
import { REGION_OPTIONS } from '../format/regions';
import { graphql } from '../gql';
import type { MemberKind, OrganisationCategory, SizeBand } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { CATEGORIES, SIZE_BANDS } from '../treasury/enums';

const CollegesQuery = graphql(`
  query InviteColleges {
    colleges {
      id
      code
      nameFr
      nameEn
    }
  }
`);

const InviteMutation = graphql(`
  mutation InviteMember($input: MemberFieldsInput!) {
    inviteMember(input: $input) {
      id
      displayName
      status
    }
  }
`);

const MEMBER_KINDS: MemberKind[] = ['Person', 'Organisation'];

/** The secretary registers one applicant and emails them their invitation link. */
export function InviteMemberForm({ onInvited }: { onInvited(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [kind, setKind] = useState<MemberKind>('Person');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [college, setCollege] = useState('');
  const [region, setRegion] = useState('06');
  const [language, setLanguage] = useState('fr');
  const [birthDate, setBirthDate] = useState('');
  const [category, setCategory] = useState<OrganisationCategory>('Community');
  const [sizeBand, setSizeBand] = useState<SizeBand>('Small');
  const [representative, setRepresentative] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [colleges] = useQuery({ query: CollegesQuery });
  const [result, invite] = useMutation(InviteMutation);
  const organisation = kind === 'Organisation';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (
      !displayName.trim() ||
      !email.trim() ||
      !college ||
      (organisation && !representative.trim())
    ) {
      setProblem(t('invite.missing'));
      return;
    }
    setProblem(null);
    const response = await invite({
      input: {
        kind,
        displayName: displayName.trim(),
        email: email.trim(),
        college,
        region,
        locale: language,
        birthDate: !organisation && birthDate ? birthDate : undefined,
        organisationCategory: organisation ? category : undefined,
        sizeBand: organisation ? sizeBand : undefined,
        representativeName: organisation ? representative.trim() : undefined,
      },
    });
    const member = response.data?.inviteMember;
    if (member) {
      setDisplayName('');
      setEmail('');
      setBirthDate('');
      setRepresentative('');
      onInvited(t('invite.sent', { name: member.displayName }));
    }
  }

  return (
    <section aria-labelledby="invite-title" className="card">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="hint">{t('invite.help')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
        <ErrorAlert error={problem ?? colleges.error ?? result.error} />
        <div className="form-row">
          <SelectField
            id="invite-kind"
            label={t('members.kind')}
            value={kind}
            onChange={setKind}
            options={MEMBER_KINDS.map((value) => ({ value, label: t(`memberKind.${value}`) }))}
          />
          <TextField
            id="invite-name"
            label={t('members.name')}
            maxLength={200}
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <TextField
            id="invite-email"
            label={t('members.email')}
            type="email"
            autoComplete="off"
            maxLength={320}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="form-row">
          <SelectField
            id="invite-college"
            label={t('invite.college')}
            required
            value={college}
            onChange={setCollege}
            placeholder={t('invite.chooseCollege')}
            options={(colleges.data?.colleges ?? []).map((item) => ({
              value: item.code,
              label: localizedName(item, locale),
            }))}
          />
          <SelectField
            id="invite-region"
            label={t('members.region')}
            value={region}
            onChange={setRegion}
            options={REGION_OPTIONS}
          />
          <SelectField
            id="invite-language"
            label={t('invite.language')}
            value={language}
            onChange={setLanguage}
            options={LANGUAGE_OPTIONS}
          />
        </div>
        {organisation ? (
          <div className="form-row">
            <SelectField
              id="invite-category"
              label={t('invite.category')}
              value={category}
              onChange={setCategory}
              options={CATEGORIES.map((value) => ({
                value,
                label: t(`organisationCategory.${value}`),
              }))}
            />
            <SelectField
              id="invite-size"
              label={t('invite.sizeBand')}
              value={sizeBand}
              onChange={setSizeBand}
              options={SIZE_BANDS.map((value) => ({ value, label: t(`sizeBand.${value}`) }))}
            />
            <TextField
              id="invite-representative"
              label={t('invite.representative')}
              maxLength={200}
              required
              value={representative}
              onChange={(event) => setRepresentative(event.target.value)}
            />
          </div>
        ) : (
          <TextField
            id="invite-birth-date"
            label={t('invite.birthDate')}
            type="date"
            value={birthDate}
            onChange={(event) => setBirthDate(event.target.value)}
          />
        )}
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {t('invite.submit')}
        </button>
      </form>
    </section>
  );
}
