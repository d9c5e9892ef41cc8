import { useOrganisationName } from '../console-config';
import { useI18n } from '../i18n/i18n';

/**
 * "Teken" and, under it, the organisation that runs it (TEKEN_ORGANISATION_NAME). Left at its
 * default the organisation is "Teken" too: then the product name is shown once, not twice.
 */
export function BrandText() {
  const { t } = useI18n();
  const product = t('app.name');
  const organisation = useOrganisationName();
  const showOrganisation =
    organisation !== undefined &&
    organisation.trim() !== '' &&
    organisation.trim().toLowerCase() !== product.toLowerCase();
  return (
    <>
      <span className="brand-mark" aria-hidden="true">
        T
      </span>
      <span className="brand-text">
        <span className="brand-name">{product}</span>
        {showOrganisation && <span className="brand-org">{organisation}</span>}
      </span>
    </>
  );
}
