import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/locale';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
