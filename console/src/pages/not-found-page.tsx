import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
