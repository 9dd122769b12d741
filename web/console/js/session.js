// Who is signed in, for the views: the /me answer ({id, email, name, language, roles[],
// organisation{id, name, kind}}), or null.

let user = null;

export function currentUser() { return user; }
export function setCurrentUser(u) { user = u; }
export function hasRole(...roles) { return Boolean(user) && roles.some((r) => user.roles.includes(r)); }
export function orgId() { return user?.organisation?.id; }
