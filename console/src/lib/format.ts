/** Dates in Western Indonesian Time (Asia/Jakarta), as AMS shows them. */
import type { Lang } from '../i18n/i18n';

const formats: Record<Lang, Intl.DateTimeFormat> = {
  id: dateFormat('id-ID'),
  en: dateFormat('en-GB'),
};

function dateFormat(tag: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(tag, {
    timeZone: 'Asia/Jakarta',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/**
 * "Senin, 23 November 2026 pukul 09.35 WIB" / "Monday, 23 November 2026 at 09:35 WIB". Assembled
 * from parts, because Intl's punctuation differs between ICU versions (same as the e-mails).
 */
export function formatWib(iso: string | Date, lang: Lang): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formats[lang].formatToParts(date)) parts[part.type] = part.value;
  const { weekday, day, month, year, hour, minute } = parts;
  return lang === 'id'
    ? `${weekday}, ${day} ${month} ${year} pukul ${hour}.${minute} WIB`
    : `${weekday}, ${day} ${month} ${year} at ${hour}:${minute} WIB`;
}

/** "Chrome di Linux": enough to recognise one's own devices in the sessions list. */
export function describeUserAgent(userAgent: string | null, on: string): string | undefined {
  if (!userAgent) return undefined;
  const browsers: [RegExp, string][] = [
    [/Edg(e|A|iOS)?\//, 'Edge'],
    [/OPR\/|Opera/, 'Opera'],
    [/SamsungBrowser\//, 'Samsung Internet'],
    [/Firefox\/|FxiOS\//, 'Firefox'],
    [/HeadlessChrome\//, 'Chrome (headless)'],
    [/Chrome\/|CriOS\//, 'Chrome'],
    [/Safari\//, 'Safari'],
    [/curl\//, 'curl'],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, 'Android'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ];
  const browser = browsers.find(([re]) => re.test(userAgent))?.[1];
  const system = systems.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} ${on} ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** A base32 secret in groups of four, as authenticator apps show it. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
