import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../components/feedback';
import { LANGUAGE_OPTIONS, SelectField } from '../components/select-field';
import { graphql } from '../gql';
import type { MinutesLocale } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

const MinutesQuery = graphql(`
  query AssemblyMinutes($id: UUID!, $locale: MinutesLocale!) {
    assembly(id: $id) {
      id
      minutes(locale: $locale) {
        locale
        markdown
        sha256
      }
    }
  }
`);

/**
 * The minutes (procès-verbal) the API writes from the stored agenda,
 * attendance, proxies and results, in either language, with the hash of the
 * text the assembly adopts, to read here or download as Markdown.
 */
export function AssemblyMinutes({ assemblyId, final }: { assemblyId: string; final: boolean }) {
  const t = useT();
  const { locale: readerLocale } = useLocale();
  const [locale, setLocale] = useState<MinutesLocale>(readerLocale === 'en-CA' ? 'en' : 'fr');
  const [shown, setShown] = useState(false);
  const [{ data, error, fetching }] = useQuery({
    query: MinutesQuery,
    variables: { id: assemblyId, locale },
    pause: !shown,
    requestPolicy: 'network-only',
  });
  const minutes = data?.assembly.minutes;
  const download = minutes
    ? `data:text/markdown;charset=utf-8,${encodeURIComponent(minutes.markdown)}`
    : undefined;

  return (
    <section aria-labelledby="minutes-title" className="card">
      <h2 id="minutes-title">{t('minutes.title')}</h2>
      <p className="hint">{t(final ? 'minutes.final' : 'minutes.draft')}</p>
      {!shown ? (
        <button type="button" className="button-secondary" onClick={() => setShown(true)}>
          {t('minutes.show')}
        </button>
      ) : (
        <div className="stack">
          <SelectField
            id="minutes-locale"
            label={t('minutes.language')}
            value={locale}
            onChange={setLocale}
            options={LANGUAGE_OPTIONS}
          />
          <ErrorAlert error={error} />
          {fetching && <Loading />}
          {minutes && (
            <>
              <pre
                className="minutes"
                lang={minutes.locale === 'en' ? 'en-CA' : 'fr-CA'}
                tabIndex={0}
                aria-labelledby="minutes-title"
              >
                {minutes.markdown}
              </pre>
              <p className="meta">
                {t('minutes.hash')} <span className="mono">{minutes.sha256}</span>
              </p>
              <a
                className="button-secondary link-button"
                href={download}
                download={`${t('minutes.fileName')}-${assemblyId.slice(0, 8)}-${minutes.locale}.md`}
              >
                {t('minutes.download')}
              </a>
            </>
          )}
        </div>
      )}
    </section>
  );
}
