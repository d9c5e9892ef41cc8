/**
 * The wizard's inputs: a label, a hint, and the server's refusal shown at the field it names
 * (problem+json `details.field`), tied to the input with aria-describedby and aria-invalid.
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
  error?: string;
  markRequired?: boolean;
}

function Parts({
  id,
  label,
  hint,
  error,
  required,
  markRequired,
  children,
}: Common & { id: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && markRequired !== false && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
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

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function WizardField({
  label,
  hint,
  error,
  markRequired,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Parts
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={input.required}
      markRequired={markRequired}
    >
      <input
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </Parts>
  );
}

export function WizardSelect({
  label,
  hint,
  error,
  markRequired,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Parts
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={select.required}
      markRequired={markRequired}
    >
      <select
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </Parts>
  );
}
