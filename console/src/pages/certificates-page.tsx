/** "Sertifikat Saya": the subscriber's certificates arrive with the next issue. */
import { Breadcrumb } from '../components/app-shell';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';

export function CertificatesPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, { label: t('certificates.title') }]} />
      <PageHeading title={t('certificates.title')}>{t('certificates.title')}</PageHeading>
      <p className="muted">{t('certificates.soon')}</p>
    </>
  );
}
