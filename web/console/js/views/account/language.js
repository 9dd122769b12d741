// The console's language as the signed-in user's own setting: saved to their account (PATCH
// /account, guarded by its version), so that every device and the mail they are sent use it.

import { request } from '../../api.js';
import { currentUser } from '../../session.js';

// Each language by its own name, as the header's switch shows it.
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français', es: 'Español', pt: 'Português' };

let queue = Promise.resolve();

async function patchLanguage(lang) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const { etag, data } = await request('GET', '/account');
    if (data.language === lang) return data;
    try {
      return (await request('PATCH', '/account', { body: { language: lang }, etag })).data;
    } catch (e) {
      if (e.status !== 412 || attempt === 1) throw e;  // changed meanwhile: read it again once
    }
  }
  return null;
}

// Saves `lang` as the signed-in user's language (nothing when nobody is signed in); saves run
// one after another, so the last choice is the one kept. Answers once it is saved; a refusal is
// the caller's to show.
export function saveLanguage(lang) {
  const user = currentUser();
  if (!user) return Promise.resolve();
  const mine = queue.then(async () => {
    const account = await patchLanguage(lang);
    if (account) user.language = account.language;
  });
  queue = mine.catch(() => {});
  return mine;
}
