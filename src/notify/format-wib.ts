/*
 * Shared by the server (e-mails, audit texts) and the console (console/src/lib/format.ts imports it):
 * keep this file free of imports, so it builds for Node and for the browser alike.
 */

type Locale = 'id' | 'en';

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
export function formatWib(when: Date | string, locale: Locale): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(date.getTime())) return '';
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formats[locale].formatToParts(date)) parts[part.type] = part.value;
  const { weekday, day, month, year, hour, minute } = parts;
  return locale === 'id'
    ? `${weekday}, ${day} ${month} ${year} pukul ${hour}.${minute} WIB`
    : `${weekday}, ${day} ${month} ${year} at ${hour}:${minute} WIB`;
}
