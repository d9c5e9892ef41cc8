/**
 * The wizard's inputs: a label, a hint, and the server's refusal shown at the field it names
 * (problem+json `details.field`), tied to the control with aria-describedby and aria-invalid. One
 * component for an `<input>` and (with `as="select"`) a `<select>`; `action` puts a button beside
 * the control ("Kirim Kode OTP" next to the phone number, seed 003).
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { ApiError } from '../../api/client';
import type { Translate } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';

/** The field a refusal names, or undefined when it names none. */
export function refusedField(error: unknown): string | undefined {
  const field = error instanceof ApiError ? error.details?.field : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** The message for `field` when `error` names it. */
export function fieldMessage(error: unknown, field: string, t: Translate, lang: 'id' | 'en') {
  return refusedField(error) === field ? errorText(error, t, {}, lang).message : undefined;
}

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  markRequired?: boolean;
  /** A control beside the input (a button), on the same line where there is room. */
  action?: ReactNode;
}

export type WizardFieldProps = Common &
  (
    | ({ as?: 'input' } & InputHTMLAttributes<HTMLInputElement>)
    | ({ as: 'select'; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>)
  );

export function WizardField({ label, hint, error, markRequired, action, ...control }: WizardFieldProps) {
  const id = useId();
  const a11y = {
    id,
    'aria-describedby':
      [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
    'aria-invalid': error ? true : undefined,
  };
  let element: ReactNode;
  if (control.as === 'select') {
    const { as: _as, ...select } = control;
    element = <select {...a11y} {...select} />;
  } else {
    const { as: _as, ...input } = control;
    element = <input {...a11y} {...input} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {control.required && markRequired !== false && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {action ? (
        <div className="field-row">
          {element}
          {action}
        </div>
      ) : (
        element
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="hint field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
