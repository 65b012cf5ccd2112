import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { badRequest } from '../../platform/errors.ts';

export interface Destination {
  channel: 'sms' | 'email';
  /** E.164 for a phone number, lower case for an e-mail address. */
  address: string;
  phone?: string;
  email?: string;
}

// A number without a country code is read as Vietnamese first, then as Chinese
// (13800138000 is not a Vietnamese number but is a Chinese mobile one).
const countries: CountryCode[] = ['VN', 'CN'];
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A resident's phone number or e-mail address as typed, in the one form it is stored in. */
export function parseDestination(raw: string): Destination {
  const text = raw.trim();
  if (text.includes('@')) {
    const email = text.toLowerCase();
    if (!emailPattern.test(email) || email.length > 254) throw badRequest('invalid_destination');
    return { channel: 'email', address: email, email };
  }
  if (!/^[+0-9][0-9 .()-]*$/.test(text)) throw badRequest('invalid_destination');
  for (const country of countries) {
    const number = parsePhoneNumberFromString(text, country);
    if (number?.isValid()) return { channel: 'sms', address: number.number, phone: number.number };
    if (text.startsWith('+')) break; // the number names its own country
  }
  throw badRequest('invalid_destination');
}
