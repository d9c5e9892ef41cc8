/**
 * A table that may be wider than the screen (Akun, Outbox on a phone): it scrolls inside its own
 * box, never the page, and says so — a shadow on the side with more columns and a line "Geser
 * untuk melihat kolom lainnya" — while there is more to see.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState<{ left: boolean; right: boolean }>({ left: false, right: false });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      const left = el.scrollLeft > 1;
      setMore((old) => (old.left === left && old.right === right ? old : { left, right }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);

  const scrollable = more.left || more.right;
  const classes = [
    'table-scroll',
    scrollable && 'has-more',
    more.left && 'more-left',
    more.right && 'more-right',
  ];
  return (
    <div className="table-frame">
      {scrollable && (
        <p className="scroll-hint" aria-hidden="true">
          {t('table.scrollHint')}
        </p>
      )}
      {/* Focusable, so keyboard users can scroll it too (WCAG 2.1.1). */}
      <div
        ref={box}
        className={classes.filter(Boolean).join(' ')}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        {children}
      </div>
    </div>
  );
}
