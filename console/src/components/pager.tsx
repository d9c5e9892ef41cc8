/** "Sebelumnya" / "Berikutnya" under a paged table. */
import { useI18n } from '../i18n/i18n';

export function Pager({
  offset,
  pageSize,
  total,
  onChange,
}: {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        {t('pager.previous')}
      </button>
      <button
        type="button"
        className="button"
        disabled={offset + pageSize >= total}
        onClick={() => onChange(offset + pageSize)}
      >
        {t('pager.next')}
      </button>
    </div>
  );
}
