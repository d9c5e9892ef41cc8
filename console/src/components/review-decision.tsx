/**
 * The RA's decision card of a Tinjau Ulang (a registration, a certificate request): the state
 * badge, the institution's four-eyes policy and what it waits for, then Setujui (confirmed first)
 * or Tolak with the reason the applicant is told. Under four-eyes the first approval answers
 * `first_approval` and waits for a second officer. A 409 (decided meanwhile, in another tab or by
 * another officer) reloads what is now true. The texts are `<messages>.approve`, `.reject`, ….
 */
import { useId, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Confirm, Done } from '../pages/admin-account-page';
import { ErrorNotice } from './notice';
import { ReasonForm } from './reason-form';

type DecisionText =
  | 'approve'
  | 'reject'
  | 'approve.yes'
  | 'reject.hint'
  | 'reject.yes'
  | 'approved.first'
  | 'approved'
  | 'rejected';

export function ReviewDecision(props: {
  messages: 'ra' | 'raRequest';
  badge: ReactNode;
  fourEyes: boolean;
  /** The state lines under the policy (four-eyes progress, a refusal's reason, the approval time). */
  children?: ReactNode;
  mayDecide: boolean;
  approveQuestion: string;
  reasonMax: number;
  approve: () => Promise<{ status: string }>;
  reject: (reason: string) => Promise<unknown>;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [mode, setMode] = useState<'none' | 'approve' | 'reject'>('none');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DecisionText | undefined>();
  const [error, setError] = useState<unknown>();
  // `as const`: the compiler checks that both message sets have every text.
  const text = (key: DecisionText) => t(`${props.messages}.${key}` as const);
  const act = async (what: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      const result = what === 'approve' ? await props.approve() : await props.reject(reason);
      await props.onChanged();
      setMode('none');
      const first = (result as { status?: string } | undefined)?.status === 'first_approval';
      setDone(first ? 'approved.first' : what === 'approve' ? 'approved' : 'rejected');
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) {
        setMode('none');
        await props.onChanged().catch(() => undefined);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${headingId}-h`}>
      <h2 id={`${headingId}-h`}>{t('ra.decision')}</h2>
      <p>{props.badge}</p>
      {props.fourEyes && <p className="muted">{t('ra.fourEyes.policy')}</p>}
      {props.children}
      {done && <Done>{text(done)}</Done>}
      <ErrorNotice error={error} />
      {props.mayDecide && mode === 'none' && (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setMode('approve')}>
            {text('approve')}
          </button>
          <button type="button" className="button danger" onClick={() => setMode('reject')}>
            {text('reject')}
          </button>
        </div>
      )}
      {mode === 'approve' && (
        <Confirm
          question={props.approveQuestion}
          yes={text('approve.yes')}
          busy={busy}
          onYes={() => void act('approve')}
          onCancel={() => setMode('none')}
        />
      )}
      {mode === 'reject' && (
        <ReasonForm
          className="confirm"
          label={t('ra.reject.reason')}
          hint={text('reject.hint')}
          value={reason}
          onChange={setReason}
          minLength={3}
          maxLength={props.reasonMax}
          busy={busy}
          submitLabel={text('reject.yes')}
          cancelLabel={t('common.cancel')}
          onSubmit={() => void act('reject')}
          onCancel={() => setMode('none')}
        />
      )}
    </section>
  );
}
