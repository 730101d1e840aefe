import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { useLocale, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages.fr-CA';
import { Loading } from './feedback';

function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const other = locale === 'fr-CA' ? 'en-CA' : 'fr-CA';
  return (
    <button
      type="button"
      className="button-link"
      lang={other}
      aria-label={t('language.switchLabel')}
      onClick={() => setLocale(other)}
    >
      {t('language.switch')}
    </button>
  );
}

/** The page frame: skip link, header with navigation and language, and the main landmark. */
export function Layout() {
  const t = useT();
  const { account, hasRole, signOut } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const interacted = useRef(false);

  useEffect(() => {
    const mark = () => (interacted.current = true);
    document.addEventListener('keydown', mark, { once: true });
    document.addEventListener('pointerdown', mark, { once: true });
    return () => {
      document.removeEventListener('keydown', mark);
      document.removeEventListener('pointerdown', mark);
    };
  }, []);

  // After the reader navigates, move focus to the new page's heading as a page load would;
  // not on the initial load or its redirects, where focus must stay at the top (skip link).
  // A lazily loaded page shows its heading a moment later: wait for it.
  useEffect(() => {
    const container = main.current;
    if (!interacted.current || !container) return;
    const focusHeading = () => {
      const heading = container.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(container, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 3000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [location.pathname]);

  const links: { to: string; label: MessageId; show: boolean }[] = [
    { to: '/', label: 'nav.home', show: true },
    { to: '/proposals', label: 'nav.proposals', show: true },
    { to: '/votes', label: 'nav.votes', show: true },
    { to: '/assemblies', label: 'nav.assemblies', show: true },
    { to: '/councils', label: 'nav.councils', show: true },
    { to: '/charter', label: 'nav.charter', show: true },
    { to: '/contributions', label: 'nav.myContributions', show: !!account?.member },
    { to: '/settings/notifications', label: 'nav.notifications', show: true },
    { to: '/admin/members', label: 'nav.members', show: hasRole('Secretary', 'Trustee', 'Admin') },
    { to: '/treasury', label: 'nav.treasury', show: hasRole('Treasurer', 'Trustee') },
    { to: '/moderation', label: 'nav.moderation', show: hasRole('Moderator') },
    {
      to: '/dashboards',
      label: 'nav.dashboards',
      show: hasRole('Trustee', 'Secretary', 'Admin', 'Treasurer'),
    },
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          <LanguageSwitch />
          {account && (
            <button type="button" className="button-link" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          )}
        </div>
        {account && (
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              {links
                .filter((link) => link.show)
                .map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end={link.to === '/'}>
                      {t(link.label)}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
