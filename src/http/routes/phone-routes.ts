/**
 * Phone verification over WhatsApp (src/enrollment/send-phone-code.ts, verify-phone-code.ts): the
 * registration wizard's number (access `activation`) and a signed-in user's "Ubah nomor HP"
 * (access `session`), with the signed-in user's number as the console shows it.
 */
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import type { PhoneHolder, PhonePurpose } from '../../enrollment/phone-verification.js';
import { readPhone } from '../../enrollment/read-phone.js';
import { withRegistrationLink } from '../../enrollment/registration-link.js';
import { sendPhoneCode } from '../../enrollment/send-phone-code.js';
import { verifyPhoneCode } from '../../enrollment/verify-phone-code.js';
import { activationTokenOf, useActivationAuth } from '../activation-auth.js';
import {
  boolean,
  integer,
  nullableString,
  object,
  responses,
  strictObject,
  text,
  timestamp,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface PhoneRoutesOptions {
  enrollment: EnrollmentContext;
}

const phoneBody = object(
  { phone: text(32, { description: 'Masukkan 10–15 digit angka. Contoh: 08123456789' }) },
  ['phone'],
);
const codeBody = object({ code: text(16, { description: 'Kode OTP: 6 digits.' }) }, ['code']);

const codeSent = strictObject(
  {
    phone: { type: 'string', description: 'Masked, e.g. +62 812-****-789.' },
    expiresAt: timestamp,
    resendAt: { ...timestamp, description: '"Kirim Ulang" is allowed from then.' },
    resendInSeconds: integer(
      0,
      3600,
      'The wait before "Kirim Ulang" (30 s), for a countdown on the browser’s own clock.',
    ),
  },
  { title: 'PhoneCodeSent' },
);
const verified = strictObject(
  { phone: { type: 'string' }, verified: boolean, verifiedAt: timestamp },
  { title: 'PhoneVerified' },
);

/** The wizard's routes: the activation link's token opens the registration. */
export const registrationPhoneRoutes = routeGroup<PhoneRoutesOptions>((app, { enrollment: ctx }) => {
  useActivationAuth(app);
  const holderOf = (
    token: string,
    ip: string,
    opened: { accountId: string; locale: 'id' | 'en' },
  ): PhoneHolder => ({
    ...opened,
    purpose: 'registration',
    actor: 'self',
    open: (work) => withRegistrationLink(ctx, token, ip, (tx) => work(tx)),
  });
  const opening = async (token: string, ip: string) =>
    withRegistrationLink(ctx, token, ip, (_tx, { account }) =>
      Promise.resolve({ accountId: account.id, locale: account.locale }),
    );

  app.post<{ Body: { phone: string } }>(
    '/api/v1/registration/phone/code',
    {
      config: { access: 'activation' },
      schema: {
        summary: '"Kirim Kode OTP": sends a verification code to this number over WhatsApp.',
        body: phoneBody,
        response: responses({ 200: codeSent }),
      },
    },
    async (request) => {
      const token = activationTokenOf(request);
      const opened = await opening(token, request.ip);
      return sendPhoneCode(ctx, holderOf(token, request.ip, opened), request.body.phone);
    },
  );

  app.post<{ Body: { code: string } }>(
    '/api/v1/registration/phone/verify',
    {
      config: { access: 'activation' },
      schema: {
        summary: '"Verifikasi OTP": confirms the number with the code sent to it.',
        body: codeBody,
        response: responses({ 200: verified }),
      },
    },
    async (request) => {
      const token = activationTokenOf(request);
      const opened = await opening(token, request.ip);
      return verifyPhoneCode(ctx, holderOf(token, request.ip, opened), request.body.code, request.ip);
    },
  );
});

/** A signed-in user's "Ubah nomor HP". */
export const profilePhoneRoutes = routeGroup<PhoneRoutesOptions>((app, { enrollment: ctx }) => {
  useSessionAuth(app, ctx.identity);
  const holderOf = (account: { id: string; locale: 'id' | 'en' }, purpose: PhonePurpose): PhoneHolder => ({
    accountId: account.id,
    locale: account.locale,
    purpose,
    actor: `account:${account.id}`,
    open: (work) => ctx.db.transaction(work),
  });

  app.get(
    '/api/v1/profile/phone',
    {
      config: { access: 'session' },
      schema: {
        summary: 'The signed-in user’s phone number (masked) and whether it is verified.',
        response: responses({
          200: strictObject(
            {
              phone: nullableString,
              verified: boolean,
              hasProfile: boolean,
              whatsapp: { ...boolean, description: 'Whether codes can be sent over WhatsApp here.' },
            },
            { title: 'PhoneStatus' },
          ),
        }),
      },
    },
    async (request) => readPhone(ctx, authOf(request).account.id),
  );

  app.post<{ Body: { phone: string } }>(
    '/api/v1/profile/phone/code',
    {
      config: { access: 'session' },
      schema: {
        summary: '"Ubah nomor HP" → "Kirim Kode OTP": sends a code to the new number over WhatsApp.',
        body: phoneBody,
        response: responses({ 200: codeSent }),
      },
    },
    async (request) => sendPhoneCode(ctx, holderOf(authOf(request).account, 'change'), request.body.phone),
  );

  app.post<{ Body: { code: string } }>(
    '/api/v1/profile/phone/verify',
    {
      config: { access: 'session' },
      schema: {
        summary: '"Verifikasi OTP": the new number replaces the old one once its code is confirmed.',
        body: codeBody,
        response: responses({ 200: verified }),
      },
    },
    async (request) =>
      verifyPhoneCode(ctx, holderOf(authOf(request).account, 'change'), request.body.code, request.ip),
  );
});
