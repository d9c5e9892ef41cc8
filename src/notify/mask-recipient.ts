/**
 * A recipient as it may appear in logs and on the admin outbox page: enough to tell messages
 * apart, not enough to learn the address. `budi.santoso@contoh.go.id` → `b***@contoh.go.id`;
 * a phone number keeps its last three digits: `+62812******789` → `***789`.
 */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
  const digits = recipient.replace(/\D/g, '');
  return digits.length >= 6 ? `***${digits.slice(-3)}` : '***';
}
