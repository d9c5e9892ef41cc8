/**
 * The reason an RA officer gives when refusing (a registration, a certificate request, a
 * Pencabutan, a selfie check): one required text the holder is told, then the refusal and Batal.
 */
import { useId, type FormEvent } from 'react';

export function ReasonForm(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  minLength: number;
  maxLength: number;
  busy?: boolean;
  /** `form` (a card's own form) or `confirm` (under a decision's buttons). */
  className: string;
  submitClass?: string;
}) {
  const id = useId();
  return (
    <form
      className={props.className}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{props.label}</label>
        <textarea
          id={id}
          required
          minLength={props.minLength}
          maxLength={props.maxLength}
          rows={3}
          value={props.value}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.hint && (
          <p className="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className={props.submitClass ?? 'button danger'} disabled={props.busy}>
          {props.submitLabel}
        </button>
        <button type="button" className="button secondary" disabled={props.busy} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </form>
  );
}
