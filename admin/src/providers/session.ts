import { ApiError, toApiError } from './apiError';

/**
 * The signed-in session, kept in localStorage so a reload stays signed in until the sign-in
 * ends: a short-lived access token, renewed with the refresh token shortly before it expires.
 */

export type Role = 'ADMIN' | 'CONTRACT_OFFICER' | 'FINANCE' | 'ANALYST' | 'SERVICE';

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  user: SessionUser;
}

/** What login and refreshSession select. */
export const SESSION_FIELDS = 'token expiresAt refreshToken refreshExpiresAt';

const KEY = 'placewise.session';

export const EDITOR_ROLES: readonly Role[] = ['ADMIN', 'CONTRACT_OFFICER'];

export function canEdit(role: Role | undefined): boolean {
  return role !== undefined && EDITOR_ROLES.includes(role);
}

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || !session.refreshToken || Date.parse(session.refreshExpiresAt) <= Date.now()) {
      localStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function updateSessionUser(user: SessionUser): void {
  const session = readSession();
  if (session) writeSession({ ...session, user });
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export const GRAPHQL_URL = '/graphql';

/** Renew this long before the access token expires, so a request never leaves with a dying token. */
const RENEW_BEFORE_MS = 60_000;
let renewing: Promise<string | null> | null = null;

async function renew(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  // Another tab may have renewed it meanwhile: the same refresh token twice would end the session.
  if (Date.parse(session.expiresAt) - Date.now() > RENEW_BEFORE_MS) return session.token;
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      query: `mutation Refresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${SESSION_FIELDS} } }`,
      variables: { refreshToken: session.refreshToken },
    }),
  }).catch(() => null);
  if (!response) return session.token; // offline: the request itself will say so
  const body = (await response.json().catch(() => ({}))) as { data?: { refreshSession?: Omit<Session, 'user'> } };
  const next = body.data?.refreshSession;
  if (!next) {
    clearSession();
    return null;
  }
  writeSession({ ...next, user: session.user });
  return next.token;
}

/** The access token to send: renewed first when it is about to expire (once at a time, across tabs); null when signed out. */
export async function accessToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  if (Date.parse(session.expiresAt) - Date.now() > RENEW_BEFORE_MS) return session.token;
  renewing ??= (navigator.locks ? (navigator.locks.request('placewise.session.renew', renew) as unknown as Promise<string | null>) : renew()).finally(() => {
    renewing = null;
  });
  return renewing;
}

/**
 * fetch for the GraphQL endpoint: adds the bearer token, and hands GraphQL error bodies sent
 * with 401/403/503 to Apollo as ordinary GraphQL errors, so their codes and messages reach the admin.
 */
export async function graphqlFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await accessToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  headers.set('accept', 'application/json');
  const response = await fetch(input, { ...init, headers });
  if (response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const body = await response.text();
  try {
    if (Array.isArray(JSON.parse(body).errors)) {
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }
  } catch {
    // not a GraphQL body: let Apollo report the HTTP status
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A plain GraphQL request (sign-in, `me`), outside react-admin's data provider. */
export async function graphqlRequest<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await graphqlFetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw toApiError(error);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  if (body.errors?.length) throw toApiError({ graphQLErrors: body.errors });
  if (!response.ok || !body.data) throw new ApiError(`The server answered ${response.status}`, 'INTERNAL_SERVER_ERROR');
  return body.data;
}
