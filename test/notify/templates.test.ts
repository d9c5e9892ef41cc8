import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeError, retryDelaySeconds } from '../../src/notify/deliver-outbox.js';
import { formatWib } from '../../src/notify/format-wib.js';
import { maskRecipient } from '../../src/notify/mask-recipient.js';
import { identityTemplates as templates } from '../../src/identity/templates/identity-templates.js';
import { TemplateRegistry } from '../../src/notify/templates/template-registry.js';

const registry = new TemplateRegistry().register(templates);
const renderMessage = registry.render.bind(registry);
type TemplateName = keyof typeof templates;

describe('message templates', () => {
  it('renders every template in both locales with the shared layout', () => {
    const sample = { name: 'Budi', link: 'https://teken.contoh.go.id/x', time: 'T', minutes: '15' };
    for (const name of Object.keys(templates) as TemplateName[]) {
      const data: Record<string, string> = { expiresInMinutes: '30', expiresInHours: '24', ...sample };
      const id = renderMessage(name, 'id', data, 'Teken');
      const en = renderMessage(name, 'en', data, 'Teken');
      assert.notEqual(id.subject, en.subject, name);
      assert.ok(id.text.startsWith('Teken\n\nHalo Budi,'), name);
      assert.ok(en.text.startsWith('Teken\n\nHello Budi,'), name);
      assert.ok(
        id.text.endsWith('Pesan ini dikirim secara otomatis oleh Teken. Mohon tidak membalas pesan ini.\n'),
      );
      assert.ok(en.html.includes('This message was sent automatically by Teken.'), name);
      assert.ok(id.html.includes('>Teken</div>'), name);
      for (const variable of templates[name].variables) {
        if (variable !== 'name') assert.ok(id.text.includes(data[variable]!), `${name} uses ${variable}`);
      }
    }
  });

  it('names the configured organisation in the header, the footer and as the support to contact', () => {
    const organisation = 'Balai <Sertifikasi> & Elektronik';
    const data = { name: 'Budi', time: 'T', minutes: '15' };
    const id = renderMessage('account-locked', 'id', data, organisation);
    assert.ok(id.text.startsWith(`${organisation}\n\nHalo Budi,`));
    assert.ok(id.text.includes(`layanan dukungan ${organisation}.`));
    assert.ok(
      id.text.endsWith(`dikirim secara otomatis oleh ${organisation}. Mohon tidak membalas pesan ini.\n`),
    );
    assert.ok(!id.text.includes('Teken support') && !id.text.includes('dukungan Teken'));
    assert.ok(id.html.includes('>Balai &lt;Sertifikasi&gt; &amp; Elektronik</div>'), 'escaped in HTML');
    assert.ok(!id.html.includes('<Sertifikasi>'));
    const en = renderMessage('password-changed', 'en', data, organisation);
    assert.ok(en.text.includes(`contact your administrator or ${organisation} support right away`));
    assert.ok(en.text.includes('This message was sent automatically by Balai <Sertifikasi> & Elektronik.'));
  });

  it('says a "Lupa Password" lifetime of whole hours in hours', () => {
    const data = { name: 'Budi', link: 'https://x.example/' };
    const day = { ...data, expiresInMinutes: '1440' };
    assert.ok(renderMessage('reset-password', 'id', day, 'Teken').text.includes('berlaku selama 24 jam'));
    assert.ok(renderMessage('reset-password', 'en', day, 'Teken').text.includes('within 24 hours'));
    const half = { ...data, expiresInMinutes: '30' };
    assert.ok(renderMessage('reset-password', 'id', half, 'Teken').text.includes('berlaku selama 30 menit'));
    assert.ok(renderMessage('reset-password', 'en', half, 'Teken').text.includes('within 30 minutes'));
  });

  it("registers each name once, so one module cannot replace another module's message", () => {
    assert.throws(
      () =>
        new TemplateRegistry()
          .register(templates)
          .register({ 'reset-password': templates['reset-password'] }),
      /registered twice/,
    );
    assert.deepEqual(registry.names(), Object.keys(templates).sort());
  });

  it('says "1 hour" and "2 hours" in English', () => {
    const data = { name: 'Budi', link: 'https://x.example/', expiresInHours: '1' };
    assert.ok(renderMessage('update-password', 'en', data, 'Teken').text.includes('within 1 hour and'));
    assert.ok(
      renderMessage('update-password', 'en', { ...data, expiresInHours: '2' }, 'Teken').text.includes(
        '2 hours',
      ),
    );
  });

  it('escapes HTML in every variable', () => {
    const out = renderMessage(
      'reset-password',
      'id',
      {
        name: '<script>alert("x")</script>',
        link: 'https://teken.contoh.go.id/r?a=1&b="2"',
        expiresInMinutes: "30'><img src=x>",
      },
      'Teken',
    );
    assert.ok(!out.html.includes('<script>'));
    assert.ok(!out.html.includes('<img'));
    assert.ok(out.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(out.html.includes('href="https://teken.contoh.go.id/r?a=1&amp;b=&quot;2&quot;"'));
    assert.ok(out.html.includes('30&#39;&gt;&lt;img src=x&gt;'));
    // The text part is plain text: not escaped.
    assert.ok(out.text.includes('Halo <script>alert("x")</script>,'));
  });

  it('fails on a missing variable or a link that is not http(s)', () => {
    assert.throws(
      () => renderMessage('reset-password', 'en', { name: 'Budi', link: 'https://x.example/' }, 'Teken'),
      /reset-password.*expiresInMinutes/,
    );
    assert.throws(
      () => renderMessage('setup-admin', 'id', { name: 'Budi', link: 'javascript:alert(1)' }, 'Teken'),
      /http/,
    );
    assert.throws(() => renderMessage('nope', 'id', {}, 'Teken'), /no message template/);
  });

  it('formats times in WIB', () => {
    const date = new Date('2026-11-23T02:35:00Z');
    assert.equal(formatWib(date, 'id'), 'Senin, 23 November 2026 pukul 09.35 WIB');
    assert.equal(formatWib(date, 'en'), 'Monday, 23 November 2026 at 09:35 WIB');
    // The console passes the API's ISO strings; what is not a date prints nothing.
    assert.equal(formatWib('2026-11-23T02:35:00.000Z', 'id'), 'Senin, 23 November 2026 pukul 09.35 WIB');
    assert.equal(formatWib('bukan tanggal', 'id'), '');
    // Past midnight in Jakarta while still the day before in UTC.
    assert.equal(formatWib(new Date('2026-12-31T17:05:00Z'), 'id'), 'Jumat, 1 Januari 2027 pukul 00.05 WIB');
  });
});

describe('outbox helpers', () => {
  it('masks recipients', () => {
    assert.equal(maskRecipient('budi.santoso@contoh.go.id'), 'b***@contoh.go.id');
    assert.equal(maskRecipient('+6281234567890'), '***890');
  });

  it('backs off from 10 seconds, doubling, to at most an hour', () => {
    assert.deepEqual([1, 2, 3, 4, 9, 10, 50].map(retryDelaySeconds), [10, 20, 40, 80, 2560, 3600, 3600]);
  });

  it('keeps addresses and URLs out of stored errors', () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 <budi@contoh.go.id>: no such user; see https://x.example/?t=secret",
      ),
      { code: 'EENVELOPE' },
    );
    const text = describeError(error, 'budi@contoh.go.id');
    assert.equal(
      text,
      "EENVELOPE: Can't send mail - all recipients were rejected: 550 <b***@contoh.go.id>: no such user; see [url]",
    );
    assert.equal(describeError(new Error('x'.repeat(600))).length, 500);
  });
});
