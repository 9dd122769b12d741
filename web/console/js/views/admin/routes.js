// The admin pages: their hash routes and their entries in the navigation.
// routes: [{path, view: async (ctx) => Node}]; nav: [{href, key, roles: [...], order}].
export const routes = [];
export const nav = [];
