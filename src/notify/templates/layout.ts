import type { Block, Locale } from './template.js';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const strings: Record<Locale, { footer: (organisation: string) => string; copyLink: string }> = {
  id: {
    footer: (o) => `Pesan ini dikirim secara otomatis oleh ${o}. Mohon tidak membalas pesan ini.`,
    copyLink: 'Jika tombol di atas tidak berfungsi, salin tautan berikut ke peramban Anda:',
  },
  en: {
    footer: (o) => `This message was sent automatically by ${o}. Please do not reply to it.`,
    copyLink: 'If the button above does not work, copy this link into your browser:',
  },
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Lays out the blocks as plain text and as HTML with the shared header and footer, both naming the
 * organisation (TEKEN_ORGANISATION_NAME).
 */
export function renderLayout(
  locale: Locale,
  subject: string,
  blocks: Block[],
  organisation: string,
): RenderedMessage {
  const s = strings[locale];
  const footer = s.footer(organisation);
  const textParts: string[] = [];
  const htmlParts: string[] = [];
  for (const block of blocks) {
    if ('p' in block) {
      textParts.push(block.p);
      htmlParts.push(`<p style="margin:0 0 16px 0;">${escapeHtml(block.p)}</p>`);
    } else {
      const href = escapeHtml(block.link);
      textParts.push(`${block.label}:\n${block.link}`);
      htmlParts.push(
        `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold;">${escapeHtml(block.label)}</a></p>`,
        `<p style="margin:0 0 16px 0;font-size:13px;color:#52606d;">${escapeHtml(s.copyLink)}<br><a href="${href}" style="color:#0b5394;word-break:break-all;">${escapeHtml(block.link)}</a></p>`,
      );
    }
  }
  const text = `${organisation}\n\n${textParts.join('\n\n')}\n\n-- \n${footer}\n`;
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<div style="max-width:560px;margin:0 auto;padding:24px 16px;">
<div style="font-size:22px;font-weight:bold;color:#0b5394;padding:0 0 16px 0;">${escapeHtml(organisation)}</div>
<div style="background:#ffffff;border-radius:6px;padding:24px;font-size:15px;line-height:1.5;">
${htmlParts.join('\n')}
</div>
<p style="font-size:12px;color:#7b8794;margin:16px 0 0 0;">${escapeHtml(footer)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
