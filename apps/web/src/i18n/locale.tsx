import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { PrimitiveType } from 'intl-messageformat';
import { setApiLocale } from '../api/client';
import { AppLocale, TIME_ZONE } from '../format/format';
import { enCA } from './messages.en-CA';
import { frCA, MessageId } from './messages.fr-CA';

const MESSAGES: Record<AppLocale, Record<MessageId, string>> = { 'fr-CA': frCA, 'en-CA': enCA };
const STORAGE_KEY = 'delibera.locale';

interface LocaleContextValue {
  locale: AppLocale;
  setLocale(locale: AppLocale): void;
  /** True once the reader chose a language here; the account's language applies otherwise. */
  chosen: boolean;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function storedLocale(): AppLocale | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'fr-CA' || stored === 'en-CA' ? stored : null;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(() => storedLocale() ?? 'fr-CA');
  const [chosen, setChosen] = useState(() => storedLocale() !== null);

  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLocale(locale);
  }, [locale]);

  const setLocale = useCallback((next: AppLocale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setChosen(true);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale, chosen }), [locale, setLocale, chosen]);
  // setApiLocale must run before the first request of the new language, not after render.
  setApiLocale(locale);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider
        locale={locale}
        messages={MESSAGES[locale]}
        timeZone={TIME_ZONE}
        defaultLocale="fr-CA"
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const context = useContext(LocaleContext);
  if (!context) throw new Error('useLocale outside LocaleProvider');
  return context;
}

/** The translation function, typed by message id. */
export function useT(): (id: MessageId, values?: Record<string, PrimitiveType>) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
