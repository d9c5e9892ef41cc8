import { useOrganisationName } from '../console-config';
import { useI18n } from '../i18n/i18n';

/** "Teken" and, under it, the organisation that runs it (TEKEN_ORGANISATION_NAME). */
export function BrandText() {
  const { t } = useI18n();
  const organisation = useOrganisationName();
  return (
    <>
      <span className="brand-mark" aria-hidden="true">
        T
      </span>
      <span>
        <span className="brand-name">{t('app.name')}</span>
        {organisation && <span className="brand-org">{organisation}</span>}
      </span>
    </>
  );
}
