import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  AGENDA_KINDS,
  AgendaItemDraft,
  AgendaItemFields,
  agendaItemComplete,
  agendaItemInput,
  DISCUSSION_KINDS,
  emptyAgendaItem,
} from '../assemblies/agenda-item-fields';
import { ErrorAlert } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { fromMontrealInput, montrealInputInDays } from '../format/datetime-input';
import { localizedName } from '../format/names';
import { REGION_OPTIONS } from '../format/regions';
import { graphql } from '../gql';
import type { AssemblyKind, AssemblyMode, GeneralAssemblyType } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

const ConveneCouncilsQuery = graphql(`
  query ConveneCouncils {
    councils {
      id
      nameFr
      nameEn
    }
  }
`);

const ConveneMutation = graphql(`
  mutation ConveneAssembly($input: ConveneAssemblyInput!) {
    conveneAssembly(input: $input) {
      id
    }
  }
`);

const KINDS: AssemblyKind[] = ['GeneralAssembly', 'CouncilMeeting', 'PublicMeeting'];
const MODES: AssemblyMode[] = ['InPerson', 'Hybrid', 'Asynchronous'];
const GENERAL_TYPES: GeneralAssemblyType[] = ['Annual', 'Special'];

/**
 * The secretary convenes an assembly or meeting: when and where, in both
 * languages, with its agenda. The API checks the charter's notice
 * (NOTICE_TOO_SHORT) and sends the notice to every member called.
 */
export function ConveneAssemblyPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('convene.title'));
  const navigate = useNavigate();
  const [kind, setKind] = useState<AssemblyKind>('GeneralAssembly');
  const [generalType, setGeneralType] = useState<GeneralAssemblyType>('Annual');
  const [mode, setMode] = useState<AssemblyMode>('Hybrid');
  const [titleFr, setTitleFr] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [place, setPlace] = useState('');
  const [url, setUrl] = useState('');
  const [startsAt, setStartsAt] = useState(() => montrealInputInDays(35));
  const [endsAt, setEndsAt] = useState(() => montrealInputInDays(35.125));
  const [councilId, setCouncilId] = useState('');
  const [region, setRegion] = useState('');
  const [agenda, setAgenda] = useState<AgendaItemDraft[]>(() => [emptyAgendaItem()]);
  const [problem, setProblem] = useState<string | null>(null);
  const [councils] = useQuery({ query: ConveneCouncilsQuery, pause: kind !== 'CouncilMeeting' });
  const [result, convene] = useMutation(ConveneMutation);
  const general = kind === 'GeneralAssembly';
  const kinds = general ? AGENDA_KINDS : DISCUSSION_KINDS;

  function changeKind(next: AssemblyKind) {
    setKind(next);
    // Council and public meetings only discuss: binding items become information.
    if (next !== 'GeneralAssembly') {
      setAgenda((items) =>
        items.map((item) =>
          DISCUSSION_KINDS.includes(item.kind) ? item : { ...item, kind: 'Information' },
        ),
      );
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const starts = fromMontrealInput(startsAt);
    const ends = fromMontrealInput(endsAt);
    const items = agenda.filter((item) => item.titleFr.trim() || item.titleEn.trim());
    if (
      !titleFr.trim() ||
      !titleEn.trim() ||
      !starts ||
      !ends ||
      (kind === 'CouncilMeeting' && !councilId) ||
      !items.every(agendaItemComplete)
    ) {
      setProblem(t('convene.missing'));
      return;
    }
    setProblem(null);
    const response = await convene({
      input: {
        kind,
        generalAssemblyType: general ? generalType : undefined,
        mode,
        titleFr: titleFr.trim(),
        titleEn: titleEn.trim(),
        place: mode !== 'Asynchronous' ? place.trim() || undefined : undefined,
        url: mode !== 'InPerson' ? url.trim() || undefined : undefined,
        startsAt: starts,
        endsAt: ends,
        councilId: kind === 'CouncilMeeting' ? councilId : undefined,
        region: kind === 'PublicMeeting' ? region || undefined : undefined,
        agenda: items.map(agendaItemInput),
      },
    });
    const id = response.data?.conveneAssembly.id;
    if (id) void navigate(`/assemblies/${id}`, { state: { convened: true } });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/assemblies">{t('assemblies.title')}</Link>
      </p>
      <h1>{t('convene.title')}</h1>
      <p className="hint">{t('convene.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack card" noValidate>
        <ErrorAlert error={problem ?? result.error} />
        <div className="form-row">
          <SelectField
            id="convene-kind"
            label={t('convene.kind')}
            value={kind}
            onChange={changeKind}
            options={KINDS.map((value) => ({ value, label: t(`assemblyKind.${value}`) }))}
          />
          {general && (
            <SelectField
              id="convene-general-type"
              label={t('convene.generalType')}
              value={generalType}
              onChange={setGeneralType}
              options={GENERAL_TYPES.map((value) => ({
                value,
                label: t(`generalAssemblyType.${value}`),
              }))}
            />
          )}
          {kind === 'CouncilMeeting' && (
            <SelectField
              id="convene-council"
              label={t('convene.council')}
              required
              value={councilId}
              onChange={setCouncilId}
              placeholder={t('convene.chooseCouncil')}
              options={(councils.data?.councils ?? []).map((council) => ({
                value: council.id,
                label: localizedName(council, locale),
              }))}
            />
          )}
          {kind === 'PublicMeeting' && (
            <SelectField
              id="convene-region"
              label={t('convene.region')}
              value={region}
              onChange={setRegion}
              placeholder={t('convene.allRegions')}
              options={REGION_OPTIONS}
            />
          )}
        </div>
        <div className="form-row">
          <TextField
            id="convene-title-fr"
            label={t('convene.titleFr')}
            lang="fr-CA"
            maxLength={300}
            required
            value={titleFr}
            onChange={(event) => setTitleFr(event.target.value)}
          />
          <TextField
            id="convene-title-en"
            label={t('convene.titleEn')}
            lang="en-CA"
            maxLength={300}
            required
            value={titleEn}
            onChange={(event) => setTitleEn(event.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('convene.whenWhere')}</legend>
          <div className="form-row">
            <TextField
              id="convene-starts"
              label={t('convene.startsAt')}
              type="datetime-local"
              required
              value={startsAt}
              onChange={(event) => setStartsAt(event.target.value)}
            />
            <TextField
              id="convene-ends"
              label={t('convene.endsAt')}
              type="datetime-local"
              required
              value={endsAt}
              onChange={(event) => setEndsAt(event.target.value)}
            />
          </div>
          <div className="form-row">
            <SelectField
              id="convene-mode"
              label={t('assembly.mode')}
              value={mode}
              onChange={setMode}
              options={MODES.map((value) => ({ value, label: t(`assemblyMode.${value}`) }))}
            />
            {mode !== 'Asynchronous' && (
              <TextField
                id="convene-place"
                label={t('assembly.place')}
                maxLength={500}
                required
                value={place}
                onChange={(event) => setPlace(event.target.value)}
              />
            )}
            {mode !== 'InPerson' && (
              <TextField
                id="convene-url"
                label={t('convene.url')}
                type="url"
                maxLength={2000}
                required
                value={url}
                onChange={(event) => setUrl(event.target.value)}
              />
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('assembly.agenda')}</legend>
          <ol className="agenda-editor">
            {agenda.map((item, index) => (
              <li key={item.key}>
                <AgendaItemFields
                  prefix={`agenda-${item.key}`}
                  item={item}
                  kinds={kinds}
                  onChange={(next) =>
                    setAgenda((items) => items.map((old) => (old.key === item.key ? next : old)))
                  }
                />
                <button
                  type="button"
                  className="button-secondary small"
                  onClick={() => setAgenda((items) => items.filter((old) => old.key !== item.key))}
                >
                  {t('convene.removeItem', { position: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setAgenda((items) => [...items, emptyAgendaItem()])}
          >
            {t('convene.addItem')}
          </button>
        </fieldset>
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {t('convene.submit')}
        </button>
      </form>
    </>
  );
}
