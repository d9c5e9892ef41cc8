import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A labelled input; the hint is tied to it with aria-describedby. `markRequired` shows the "*"
 * that the authenticator setup screen has (BeID's sign-in form has none).
 */
export function Field({
  label,
  hint,
  required,
  markRequired = false,
  ...input
}: { label: ReactNode; hint?: ReactNode; markRequired?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && markRequired && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <input id={id} required={required} aria-describedby={hint ? hintId : undefined} {...input} />
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
