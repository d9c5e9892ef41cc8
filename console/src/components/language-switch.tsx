import { useI18n } from '../i18n/i18n';

/** One button: shows the other language's name, in that language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      className="lang-switch"
      title={t('lang.switchLabel')}
      onClick={() => setLang(other)}
    >
      <span aria-hidden="true" className="lang-code">
        {other.toUpperCase()}
      </span>{' '}
      <span lang={other} className="lang-name">
        {t('lang.switchTo')}
      </span>
    </button>
  );
}
