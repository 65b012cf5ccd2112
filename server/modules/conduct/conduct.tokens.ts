/** Enrolment codes, device tokens, the phone's rater cookie and the signed rating links. */
import crypto from 'node:crypto';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const kioskCookie = 'zd_kiosk';
export const raterCookie = 'zd_rater';
export const enrolmentHours = 24;

export function newEnrolmentCode(): string {
  const bytes = crypto.randomBytes(10);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Typed on a tablet: spaces, dashes and lower case do not matter. */
export function normaliseEnrolmentCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export const newToken = () => crypto.randomBytes(32).toString('base64url');
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function mac(key: string, text: string): string {
  return crypto.createHmac('sha256', key).update(text).digest('base64url').slice(0, 32);
}

/** `<service point>.<official or 0>.<signature>`: what the QR code's address carries. */
export function signLink(key: string, servicePointId: number, officialId: number | null): string {
  const text = `${servicePointId}.${officialId ?? 0}`;
  return `${text}.${mac(key, text)}`;
}

export function readLink(key: string, token: string): { servicePointId: number; officialId: number | null } | null {
  const m = /^([1-9][0-9]{0,14})\.([0-9]{1,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const expected = mac(key, `${m[1]}.${m[2]}`);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(m[3]))) return null;
  return { servicePointId: Number(m[1]), officialId: m[2] === '0' ? null : Number(m[2]) };
}
