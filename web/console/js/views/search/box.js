// The search box in the header (index.html, #search-form): shown once someone is signed in,
// it opens the results page with the words typed; on that page it shows the words searched.

import { location } from '../../router.js';

// Shows the box when `signedIn`, with the words of the results page being shown, if any.
export function showSearchBox(signedIn) {
  const form = document.getElementById('search-form');
  if (!form) return;
  form.hidden = !signedIn;
  const here = location();
  const input = document.getElementById('search-q');
  if (here.path === '/search' && document.activeElement !== input) input.value = here.query.q ?? '';
}

// Sends the box's words to the results page: `go('/search', {q})`.
export function wireSearchBox(go) {
  const form = document.getElementById('search-form');
  if (!form) return;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = document.getElementById('search-q').value.trim();
    if (q) go('/search', { q });
  });
}
