// The demo's second factor in a test, as a person with the authenticator app types it: the TOTP
// codes (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) of the key seed-demo was given. The
// server accepts a time step once per user and only the steps around now (±1), so each code
// handed out is the next step not handed out yet for that server and user; when the three steps
// around now are used, it waits for the clock.

import { createHmac } from 'node:crypto';

export const DEMO_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
// The demo logins that have a second factor (services/seed/demo_seed.h kDemoFactorLogins).
export const FACTOR_LOGINS = new Set(['fm1@mmc.demo', 'fm2@mmc.demo', 'admin@mmc.demo']);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`not Base32: ${c}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function hotp(key, counter) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

const handed = new Map();

// The next code of `email` on the server at `base`, with the key `secret` (the demo's).
export async function nextCode(base, email, secret = DEMO_TOTP_SECRET) {
  const key = base32Decode(secret);
  const who = `${new URL(base).origin} ${email}`;
  for (;;) {
    const nowS = Math.floor(Date.now() / 1000);
    const step = Math.floor(nowS / 30);
    // The step before now only while the server cannot have moved two steps past it.
    const earliest = nowS % 30 < 25 ? step - 1 : step;
    const s = Math.max(earliest, (handed.get(who) ?? -Infinity) + 1);
    if (s <= step + 1) {
      handed.set(who, s);
      return hotp(key, s);
    }
    await new Promise((r) => setTimeout(r, ((s - 1) * 30 - nowS) * 1000 + 200));
  }
}
