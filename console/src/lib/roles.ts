/** Role names in the user's language ("Admin CA", "Verifikator (RA)", …). */
import { isMessageKey, type Translate } from '../i18n/i18n';

export function roleName(role: string, t: Translate): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
