/**
 * Periodic work of `teken serve`: audit sealing, CRL regeneration (on schedule and soon after a
 * revocation), renewal of OCSP responders and the TSA unit before they expire, OCSP refresh,
 * settling certificates a crashed process left pending, marking expired subscriber certificates
 * (claimed with SKIP LOCKED, so one instance marks and mails each), the Perpanjangan reminders
 * (claimed the same way), and delivering the outbox (claimed with
 * SKIP LOCKED, so every instance can run it). Each job
 * runs at most once at a time per process; jobs that must run once across instances take
 * PostgreSQL advisory locks inside (the audit sealer) or are idempotent.
 */
import { generateCrl, latestCrl } from '../authority/generate-crl.js';
import { renewDelegatedSigners } from '../authority/delegated-signers.js';
import { reconcilePendingCertificates } from '../authority/reconcile-pending.js';
import { purgeExpiredSigningAuthorisations } from '../signing/signing-authorisation.js';
import { purgeSignedDocuments } from '../signing/signed-document-store.js';
import { purgeExpiredTotpAuthorisations } from '../signing/totp-authorisation.js';
import { finishInterruptedRevocations } from '../certificates/certificate-status-change.js';
import { markExpiredCertificates } from '../certificates/mark-expired-certificates.js';
import {
  reconcileSubscriberKeys,
  reconcileSupersededCertificates,
} from '../certificates/reconcile-subscriber-keys.js';
import { sendRenewalReminders } from '../certificates/send-renewal-reminders.js';
import { certificatesContextOf } from './certificates-context-of.js';
import { refreshOcspResponses } from '../authority/refresh-ocsp-responses.js';
import { purgeFailedPayloads } from '../notify/deliver-outbox.js';
import type { Runtime } from './open-runtime.js';

export interface BackgroundJobs {
  /** Asks for a CRL of this CA within a few seconds (coalescing bursts of revocations). */
  crlSoon(caId: string): void;
  /** Runs every job once now (tests, and at start). */
  runAll(): Promise<void>;
  stop(): Promise<void>;
}

const SYSTEM = 'system';
/** Outbox messages claimed at once; the job goes on while batches come full. */
const DELIVERY_BATCH = 50;

export function startBackgroundJobs(
  rt: Runtime,
  hooks: { onCrl?: (caId: string) => void } = {},
  options: { crlDelayMs?: number } = {},
): BackgroundJobs {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const dirty = new Map<string, NodeJS.Timeout>();

  const guard = (name: string, job: () => Promise<unknown>) => {
    let busy = false;
    return async () => {
      if (busy || stopped) return;
      busy = true;
      const p = job()
        .catch((error: unknown) => rt.log.error({ err: error, job: name }, 'background job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
      await p;
    };
  };

  const crlFor = async (caId: string) => {
    await generateCrl(rt.authority, caId, SYSTEM);
    hooks.onCrl?.(caId);
  };

  const seal = guard('audit-seal', () => rt.sealAudit());
  const crlSchedule = guard('crl-schedule', async () => {
    await rt.registry.ensureLoaded();
    const refreshMs = rt.config.crl.refreshMinutes * 60_000;
    for (const ca of rt.registry.all()) {
      const latest = await latestCrl(rt, ca.id);
      if (!latest || Date.now() - latest.thisUpdate.getTime() >= refreshMs) await crlFor(ca.id);
    }
  });
  const ocspRefresh = guard('ocsp-refresh', async () => {
    while (!stopped && (await refreshOcspResponses(rt.authority, 500)) === 500);
  });
  const renewSigners = guard('signer-renewal', async () => {
    const report = await renewDelegatedSigners(rt.authority, { actor: SYSTEM });
    for (const r of report.renewed) {
      rt.log.warn(
        {
          ca: r.caId,
          purpose: r.purpose,
          serial: r.serial,
          replaced: r.replaced?.serial,
          notAfter: r.notAfter,
        },
        'delegated signer renewed before its certificate expires',
      );
    }
    for (const s of report.skipped) {
      rt.log.error(
        { ca: s.caId, purpose: s.purpose },
        `delegated signer due for renewal but not renewed: ${s.reason}`,
      );
    }
    // The stored OCSP responses move to the new responder now rather than at the next refresh.
    if (report.renewed.some((r) => r.purpose === 'ocsp')) void ocspRefresh();
  });
  // The authority's pending certificates first: a subscriber key waits for its certificate's fate;
  // then revocations a dead process left half done (the holder never told).
  const reconcile = guard('reconcile-pending', async () => {
    await reconcilePendingCertificates(rt.authority, SYSTEM);
    await reconcileSubscriberKeys(certificatesContextOf(rt));
    await finishInterruptedRevocations(certificatesContextOf(rt));
    // A passphrase reset's old certificate, should its revocation not have happened.
    await reconcileSupersededCertificates(certificatesContextOf(rt));
  });
  // Subscriber certificates past notAfter: marked and their holders told, once across instances
  // (claimed with FOR UPDATE SKIP LOCKED).
  const expiry = guard('certificate-expiry', async () => {
    const ctx = certificatesContextOf(rt);
    while (!stopped && (await markExpiredCertificates(ctx, 100)) === 100);
  });
  // Perpanjangan reminders TEKEN_RENEWAL_REMINDER_DAYS (30, 7, 1) before the end, each claimed once across instances.
  const reminders = guard('renewal-reminders', async () => {
    const ctx = certificatesContextOf(rt);
    while (!stopped && (await sendRenewalReminders(ctx, 100)) === 100);
  });
  // Counters whose window and block have passed hold nothing; the longest window is a day.
  const purgeCounters = guard('throttle-purge', () => rt.guard.purgeExpired(2 * 24 * 3_600_000));
  // Dead letters keep their sealed content only for TEKEN_OUTBOX_FAILED_RETENTION_DAYS ("Kirim ulang").
  const purgeDeadLetters = guard('outbox-purge', () =>
    purgeFailedPayloads(rt.db, rt.config.notify.failedRetentionDays),
  );
  // Signing authorisations past their few minutes: their sealed keys go.
  const purgeAuthorisations = guard('signing-authorisation-purge', () =>
    purgeExpiredSigningAuthorisations(rt.db),
  );
  // Signed PDFs kept for their one-time download past TEKEN_SIGNED_DOCUMENT_MINUTES.
  const purgeSignedPdfs = guard('signed-document-purge', () => purgeSignedDocuments(rt.db));
  // TOTP authorisations past their time: their sealed keys are wiped within a minute, rows go a day later.
  const purgeTotp = guard('totp-authorisation-purge', () => purgeExpiredTotpAuthorisations(rt.db));
  const outbox = guard('outbox-deliver', async () => {
    while (!stopped && (await rt.notify.deliver(DELIVERY_BATCH)) === DELIVERY_BATCH);
  });

  timers.push(setInterval(() => void seal(), 1_000));
  timers.push(setInterval(() => void purgeTotp(), 60_000));
  timers.push(setInterval(() => void crlSchedule(), 60_000));
  timers.push(setInterval(() => void ocspRefresh(), 5 * 60_000));
  timers.push(setInterval(() => void reconcile(), 60_000));
  timers.push(setInterval(() => void renewSigners(), 60 * 60_000));
  timers.push(setInterval(() => void expiry(), 5 * 60_000));
  timers.push(setInterval(() => void reminders(), 15 * 60_000));
  timers.push(setInterval(() => void outbox(), 1_000));
  timers.push(setInterval(() => void purgeCounters(), 60 * 60_000));
  timers.push(setInterval(() => void purgeDeadLetters(), 60 * 60_000));
  timers.push(setInterval(() => void purgeAuthorisations(), 5 * 60_000));
  timers.push(setInterval(() => void purgeSignedPdfs(), 60_000));
  for (const t of timers) t.unref();

  return {
    crlSoon(caId) {
      if (stopped || dirty.has(caId)) return;
      const timer = setTimeout(() => {
        dirty.delete(caId);
        void guard(`crl-${caId}`, () => crlFor(caId))();
      }, options.crlDelayMs ?? 2_000);
      timer.unref();
      dirty.set(caId, timer);
    },
    async runAll() {
      await reconcile();
      await renewSigners();
      await expiry();
      await reminders();
      await crlSchedule();
      await ocspRefresh();
      await seal();
      await outbox();
      await purgeCounters();
      await purgeDeadLetters();
      await purgeSignedPdfs();
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      for (const t of dirty.values()) clearTimeout(t);
      await Promise.allSettled([...running]);
      // Events written by the last requests are sealed before the process ends.
      await rt.sealAudit().catch(() => undefined);
    },
  };
}
