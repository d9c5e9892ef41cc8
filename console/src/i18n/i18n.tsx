/**
 * The console's two languages: Bahasa Indonesia by default, English on request. The choice is
 * remembered in localStorage and set as the document's `lang`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messagesEn } from './messages-en';
import { messagesId, type MessageKey } from './messages-id';

export type Lang = 'id' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id: messagesId, en: messagesEn };
const storageKey = 'teken.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messagesId, key);
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setLangState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, params) => {
      const text = dictionaries[lang][key];
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
