// Search: the results page (#/search?q=...) and the search box in the header, which every
// signed-in user has (GET /api/v1/search answers each reader only with what their lists show).

import { searchView } from './results.js';

export { showSearchBox, wireSearchBox } from './box.js';

export const routes = [
  { path: '/search', view: searchView },
];

export const nav = [];
