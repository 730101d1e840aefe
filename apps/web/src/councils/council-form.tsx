import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/feedback';
import { TextField } from '../components/text-field';
import { wholeNumber } from '../format/number-input';
import { QUEBEC_REGIONS } from '../format/regions';
import { graphql } from '../gql';
import type { CouncilEligibilityInput } from '../gql/graphql';
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

const UpdateCouncilMutation = graphql(`
  mutation UpdateCouncil($input: UpdateCouncilInput!) {
    updateCouncil(input: $input) {
      id
      nameFr
      nameEn
    }
  }
`);

const CODE = /^[a-z][a-z0-9_]{1,49}$/;

/** A council as the form edits it. */
export interface CouncilFields {
  id: string;
  code: string;
  nameFr: string;
  nameEn: string;
  seats: number;
  termMonths: number;
  eligibility: CouncilEligibilityInput;
}

const text = (value: number | null | undefined) => (value == null ? '' : String(value));

/**
 * The secretary creates a council or committee with its seats, term and
 * eligibility rule, or, given `council`, changes one (its code stays: the
 * charter names councils by it).
 */
export function CouncilForm({
  council,
  onSaved,
}: {
  council?: CouncilFields;
  onSaved(names: { nameFr: string; nameEn: string }): void;
}) {
  const t = useT();
  // Field ids stay unique when a council's form is open beside the creation form.
  const id = council ? `edit-${council.code}` : 'council';
  const rule = council?.eligibility ?? {};
  const [code, setCode] = useState(council?.code ?? '');
  const [nameFr, setNameFr] = useState(council?.nameFr ?? '');
  const [nameEn, setNameEn] = useState(council?.nameEn ?? '');
  const [seats, setSeats] = useState(text(council?.seats));
  const [termMonths, setTermMonths] = useState(text(council?.termMonths ?? 24));
  const [minAge, setMinAge] = useState(text(rule.minAge));
  const [maxAge, setMaxAge] = useState(text(rule.maxAge));
  const [regions, setRegions] = useState<string[]>(rule.regions ?? []);
  const [practice, setPractice] = useState(rule.requiresApprovedPractice ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, create] = useMutation(CreateCouncilMutation);
  const [updated, update] = useMutation(UpdateCouncilMutation);
  const result = council ? updated : created;

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
    const names = { nameFr: nameFr.trim(), nameEn: nameEn.trim() };
    const fields = {
      ...names,
      seats: seatCount,
      termMonths: months,
      eligibility: {
        minAge: ages[0],
        maxAge: ages[1],
        regions: regions.length ? regions : undefined,
        requiresApprovedPractice: practice || undefined,
      },
    };
    const response = council
      ? await update({ input: { councilId: council.id, ...fields } })
      : await create({ input: { code, ...fields } });
    if (response.data) onSaved(names);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
      <ErrorAlert error={problem ?? result.error} />
      <div className="form-row">
        <TextField
          id={`${id}-name-fr`}
          label={t('councilAdmin.nameFr')}
          autoFocus
          lang="fr-CA"
          maxLength={200}
          required
          value={nameFr}
          onChange={(event) => setNameFr(event.target.value)}
        />
        <TextField
          id={`${id}-name-en`}
          label={t('councilAdmin.nameEn')}
          lang="en-CA"
          maxLength={200}
          required
          value={nameEn}
          onChange={(event) => setNameEn(event.target.value)}
        />
      </div>
      <TextField
        id={`${id}-code`}
        label={t('councilAdmin.code')}
        className="mono"
        aria-describedby={`${id}-code-hint`}
        maxLength={50}
        required
        readOnly={council !== undefined}
        value={code}
        onChange={(event) => setCode(event.target.value)}
      >
        <p id={`${id}-code-hint`} className="hint">
          {t('councilAdmin.codeHint')}
        </p>
      </TextField>
      <div className="form-row">
        <TextField
          id={`${id}-seats`}
          label={t('councilAdmin.seats')}
          inputMode="numeric"
          maxLength={3}
          required
          value={seats}
          onChange={(event) => setSeats(event.target.value)}
        />
        <TextField
          id={`${id}-term`}
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
            id={`${id}-min-age`}
            label={t('councilAdmin.minAge')}
            inputMode="numeric"
            maxLength={3}
            value={minAge}
            onChange={(event) => setMinAge(event.target.value)}
          />
          <TextField
            id={`${id}-max-age`}
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
                  id={`${id}-region-${regionCode}`}
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
                <label htmlFor={`${id}-region-${regionCode}`}>{name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="checkbox">
          <input
            id={`${id}-practice`}
            type="checkbox"
            checked={practice}
            onChange={(event) => setPractice(event.target.checked)}
          />
          <label htmlFor={`${id}-practice`}>{t('councils.eligibility.practice')}</label>
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t(council ? 'councilAdmin.save' : 'councilAdmin.submit')}
      </button>
    </form>
  );
}
