import type { AuthProvider } from 'react-admin';
import { ApiError, toApiError } from './apiError';
import { canEdit, clearSession, graphqlRequest, readSession, SESSION_FIELDS, updateSessionUser, writeSession, type Session, type SessionUser } from './session';

const USER_FIELDS = 'id email role displayName';

let me: Promise<SessionUser> | null = null;
let meToken: string | null = null;

/** The signed-in user from `me`, asked once per session token. */
function currentUser(): Promise<SessionUser> {
  const session = readSession();
  if (!session) return Promise.reject(new ApiError('Sign in first', 'UNAUTHENTICATED'));
  if (!me || meToken !== session.token) {
    meToken = session.token;
    me = graphqlRequest<{ me: SessionUser }>(`query Me { me { ${USER_FIELDS} } }`).then((data) => {
      updateSessionUser(data.me);
      return data.me;
    });
    me.catch(() => {
      me = null;
    });
  }
  return me;
}

/** Resources only some roles may read (the API refuses the others); the rest are read by every role. */
const READERS: Record<string, readonly string[]> = {
  users: ['ADMIN'],
  // Children identify individual children: only the roles that work with placements.
  children: ['ADMIN', 'CONTRACT_OFFICER', 'FINANCE'],
  placements: ['ADMIN', 'CONTRACT_OFFICER', 'FINANCE', 'ANALYST'],
  invoices: ['ADMIN', 'CONTRACT_OFFICER', 'FINANCE', 'ANALYST'],
};
const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'clone']);

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const data = await graphqlRequest<{ login: Session }>(
      `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${SESSION_FIELDS} user { ${USER_FIELDS} } } }`,
      { email: username, password },
    ).catch((error) => {
      throw toApiError(error);
    });
    writeSession(data.login);
    me = Promise.resolve(data.login.user);
    meToken = data.login.token;
  },
  async logout() {
    // Ends the session on the server too, so its tokens stop working wherever they were copied.
    if (readSession()) await graphqlRequest('mutation SignOut { signOut }').catch(() => undefined);
    clearSession();
    me = null;
    meToken = null;
  },
  async checkAuth() {
    if (!readSession()) throw new Error('Sign in first');
  },
  async checkError(error: unknown) {
    const apiError = toApiError(error);
    if (apiError.code === 'UNAUTHENTICATED') {
      clearSession();
      throw apiError;
    }
  },
  async getIdentity() {
    const user = await currentUser();
    return { id: user.id, fullName: user.displayName, email: user.email, role: user.role };
  },
  async getPermissions() {
    const user = await currentUser();
    return user.role;
  },
  /** The role decides the menu (list access) and what can be changed. */
  async canAccess({ resource, action }) {
    const user = await currentUser();
    if (resource && READERS[resource] && !READERS[resource].includes(user.role)) return false;
    if (WRITE_ACTIONS.has(action)) return canEdit(user.role);
    return true;
  },
};
