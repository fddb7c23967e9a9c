import { ApiError, toApiError } from './apiError';

/** The signed-in session, kept in localStorage so a reload stays signed in until the token expires. */

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
  user: SessionUser;
}

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
    if (!session.token || Date.parse(session.expiresAt) <= Date.now()) {
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

/**
 * fetch for the GraphQL endpoint: adds the bearer token, and hands GraphQL error bodies sent
 * with 401/403/503 to Apollo as ordinary GraphQL errors, so their codes and messages reach the admin.
 */
export async function graphqlFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const session = readSession();
  if (session) headers.set('authorization', `Bearer ${session.token}`);
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
