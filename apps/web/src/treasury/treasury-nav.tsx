import { NavLink } from 'react-router';
import { useSession } from '../api/session';
import { useT } from '../i18n/locale';

/** The treasurer's pages, one after the other in the order of a campaign. */
export function TreasuryNav() {
  const t = useT();
  const { hasRole } = useSession();
  return (
    <nav aria-label={t('treasury.navLabel')} className="sub-nav">
      <ul>
        <li>
          <NavLink to="/treasury" end>
            {t('treasury.scales')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/treasury/calls">{t('treasury.calls')}</NavLink>
        </li>
        {hasRole('Treasurer') && (
          <li>
            <NavLink to="/treasury/bank">{t('treasury.bank')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
