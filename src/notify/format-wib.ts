import type { Locale } from './templates/template.js';

const formats: Record<Locale, Intl.DateTimeFormat> = {
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
 * A point in time as people in Indonesia read it, in Western Indonesian Time (UTC+7, no DST).
 * Assembled from parts rather than taken whole from Intl, whose punctuation differs between ICU
 * versions.
 *
 * @example
 * formatWib(new Date('2026-11-23T02:35:00Z'), 'id'); // "Senin, 23 November 2026 pukul 09.35 WIB"
 * formatWib(new Date('2026-11-23T02:35:00Z'), 'en'); // "Monday, 23 November 2026 at 09:35 WIB"
 */
export function formatWib(date: Date, locale: Locale): string {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formats[locale].formatToParts(date)) parts[part.type] = part.value;
  const { weekday, day, month, year, hour, minute } = parts;
  return locale === 'id'
    ? `${weekday}, ${day} ${month} ${year} pukul ${hour}.${minute} WIB`
    : `${weekday}, ${day} ${month} ${year} at ${hour}:${minute} WIB`;
}
