import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/feedback';
import { TextField } from '../components/text-field';
import { QUEBEC_REGIONS } from '../format/regions';
import { graphql } from '../gql';
import type { CreateCouncilInput } from '../gql/graphql';
import { useT } from '../i18n/locale';

const CreateCouncilMutation = graphql(`
  mutation CreateCouncil($input: CreateCouncilInput!) {
    createCouncil(input: $input) {
      id
      nameFr
      nameEn
    }
  }
`);

const CODE = /^[a-z][a-z0-9_]{1,49}$/;

/** A whole number within bounds, or undefined for an empty field; null when it is neither. */
function wholeNumber(value: string, min: number, max: number): number | undefined | null {
  if (value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** The secretary creates a council or committee with its seats, term and eligibility rule. */
export function CreateCouncilForm({ onCreated }: { onCreated(input: CreateCouncilInput): void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [nameFr, setNameFr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [seats, setSeats] = useState('');
  const [termMonths, setTermMonths] = useState('24');
  const [minAge, setMinAge] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const [regions, setRegions] = useState<string[]>([]);
  const [practice, setPractice] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, create] = useMutation(CreateCouncilMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const seatCount = wholeNumber(seats, 1, 500);
    const months = wholeNumber(termMonths, 1, 120);
    const ages = [wholeNumber(minAge, 0, 120), wholeNumber(maxAge, 0, 120)];
    if (
      !CODE.test(code) ||
      !nameFr.trim() ||
      !nameEn.trim() ||
      !seatCount ||
      !months ||
      ages.includes(null)
    ) {
      setProblem(t('councilAdmin.invalid'));
      return;
    }
    setProblem(null);
    const input: CreateCouncilInput = {
      code,
      nameFr: nameFr.trim(),
      nameEn: nameEn.trim(),
      seats: seatCount,
      termMonths: months,
      eligibility: {
        minAge: ages[0],
        maxAge: ages[1],
        regions: regions.length ? regions : undefined,
        requiresApprovedPractice: practice || undefined,
      },
    };
    const response = await create({ input });
    if (response.data) onCreated(input);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
      <ErrorAlert error={problem ?? result.error} />
      <div className="form-row">
        <TextField
          id="council-name-fr"
          label={t('councilAdmin.nameFr')}
          autoFocus
          lang="fr-CA"
          maxLength={200}
          required
          value={nameFr}
          onChange={(event) => setNameFr(event.target.value)}
        />
        <TextField
          id="council-name-en"
          label={t('councilAdmin.nameEn')}
          lang="en-CA"
          maxLength={200}
          required
          value={nameEn}
          onChange={(event) => setNameEn(event.target.value)}
        />
      </div>
      <TextField
        id="council-code"
        label={t('councilAdmin.code')}
        className="mono"
        aria-describedby="council-code-hint"
        maxLength={50}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
      >
        <p id="council-code-hint" className="hint">
          {t('councilAdmin.codeHint')}
        </p>
      </TextField>
      <div className="form-row">
        <TextField
          id="council-seats"
          label={t('councilAdmin.seats')}
          inputMode="numeric"
          maxLength={3}
          required
          value={seats}
          onChange={(event) => setSeats(event.target.value)}
        />
        <TextField
          id="council-term"
          label={t('councilAdmin.termMonths')}
          inputMode="numeric"
          maxLength={3}
          required
          value={termMonths}
          onChange={(event) => setTermMonths(event.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('councils.eligibility')}</legend>
        <div className="form-row">
          <TextField
            id="council-min-age"
            label={t('councilAdmin.minAge')}
            inputMode="numeric"
            maxLength={3}
            value={minAge}
            onChange={(event) => setMinAge(event.target.value)}
          />
          <TextField
            id="council-max-age"
            label={t('councilAdmin.maxAge')}
            inputMode="numeric"
            maxLength={3}
            value={maxAge}
            onChange={(event) => setMaxAge(event.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('councilAdmin.regions')}</legend>
          <div className="checkbox-grid">
            {Object.entries(QUEBEC_REGIONS).map(([regionCode, name]) => (
              <div className="checkbox" key={regionCode}>
                <input
                  id={`council-region-${regionCode}`}
                  type="checkbox"
                  checked={regions.includes(regionCode)}
                  onChange={(event) =>
                    setRegions((current) =>
                      event.target.checked
                        ? [...current, regionCode]
                        : current.filter((value) => value !== regionCode),
                    )
                  }
                />
                <label htmlFor={`council-region-${regionCode}`}>{name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="checkbox">
          <input
            id="council-practice"
            type="checkbox"
            checked={practice}
            onChange={(event) => setPractice(event.target.checked)}
          />
          <label htmlFor="council-practice">{t('councils.eligibility.practice')}</label>
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('councilAdmin.submit')}
      </button>
    </form>
  );
}
