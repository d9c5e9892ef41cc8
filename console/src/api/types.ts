/** Shapes of the API's answers that the console reads (see src/http/routes/*-routes.ts). */

export type Role = 'subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin';

export interface Account {
  id: string;
  username: string;
  email: string;
  fullName: string;
  institutionId: string | null;
  roles: Role[];
  status: string;
  locale: 'id' | 'en';
  requiredActions: string[];
  lockedUntil: string | null;
  createdAt: string;
}

/** What the console may offer the signed-in account (src/identity/authorize.ts, consolePermissions). */
export interface Permissions {
  listAccounts: boolean;
  createAccountRoles: Role[];
  readOutbox: boolean;
}

export interface SessionInfo {
  account: Account;
  permissions: Permissions;
  csrfToken: string;
  expiresAt: string;
}

/** GET /api/v1/console-config: display settings, readable before signing in. */
export interface ConsoleConfig {
  organisationName: string;
}

export type LockReason = 'password' | 'otp';

/** An account in the administrators' list ("Akun"). */
export interface AdminAccount extends Account {
  lockedBy: LockReason[];
}

export interface AccountPage {
  total: number;
  accounts: AdminAccount[];
}

/** GET /api/v1/admin/accounts/:id */
export interface AccountDetail {
  account: AdminAccount & { hasPassword: boolean; authenticators: number };
  permissions: { sendLink: boolean; unlock: boolean };
}

export type AdminLinkAction = 'RESET_OTP_DEVICE' | 'UPDATE_PASSWORD';

/** An open link of an account ("Tautan Aktif"); never its token. */
export interface ActiveLink {
  action: AdminLinkAction | 'RESET_PASSWORD' | 'SETUP_ADMIN';
  createdAt: string;
  expiresAt: string;
}

export type FlowStep = 'password' | 'otp' | 'configure_totp' | 'update_password';
export type StepNext = FlowStep | 'done' | 'sign_in';
export type FlowKind =
  'login' | 'reset_password' | 'admin_update_password' | 'admin_reset_otp' | 'setup_admin';

export interface StepResponse {
  next: StepNext;
  csrfToken?: string;
  kind?: FlowKind;
  devices?: Device[];
}

export interface Device {
  id: string;
  name: string;
}

export interface FlowInfo {
  kind: FlowKind | 'add_device';
  next: FlowStep | null;
  pending: FlowStep[];
  csrfToken: string;
  account: { fullName: string; username: string };
  devices: Device[];
}

export interface Enrollment {
  secret: string;
  uri: string;
}

export interface SessionEntry {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  remember: boolean;
}

export interface DeviceEntry {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ActivityEvent {
  id: string;
  at: string;
  action: string;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface OutboxEntry {
  id: string;
  channel: string;
  template: string;
  locale: 'id' | 'en';
  recipient: string;
  subject: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  accountId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMessage extends OutboxEntry {
  content: { subject: string; text: string; html: string } | null;
}
