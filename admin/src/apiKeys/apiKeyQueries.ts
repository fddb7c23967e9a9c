/** The API keys page's GraphQL: one list, and the three mutations an administrator uses. */
export const KEY_FIELDS = 'id name role scopes status expiresAt lastUsedAt createdAt rotatedAt';

export const API_KEYS = `query ApiKeys { apiKeys { ${KEY_FIELDS} } }`;

export const CREATE_API_KEY = `mutation CreateApiKey($name: String!, $role: Role!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime!) {
  createApiKey(name: $name, role: $role, scopes: $scopes, expiresAt: $expiresAt) { secret key { ${KEY_FIELDS} } }
}`;

export const ROTATE_API_KEY = `mutation RotateApiKey($id: ID!, $expiresAt: DateTime) { rotateApiKey(id: $id, expiresAt: $expiresAt) { secret key { ${KEY_FIELDS} } } }`;

export const REVOKE_API_KEY = `mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;

export type KeyStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: 'SERVICE' | 'ANALYST';
  scopes: string[];
  status: KeyStatus;
  expiresAt: string;
  lastUsedAt: string | null;
  createdAt: string;
  rotatedAt: string | null;
}

export interface CreatedKey {
  secret: string;
  key: ApiKeyRow;
}

/** The domains of the scopes, in the order the form and the list show them (the server's ApiKeyScope values are DOMAIN_READ / DOMAIN_WRITE). */
export const DOMAINS = ['PROVIDERS', 'AGREEMENTS', 'CONTRACTS', 'PLACEMENTS', 'TRANSPORT', 'CONTACT', 'INVOICES', 'BUDGETS', 'ANALYTICS'] as const;
export type Domain = (typeof DOMAINS)[number];
export type Access = 'NONE' | 'READ' | 'WRITE';

/** A key's scopes as one access per domain (WRITE includes READ). */
export function accessByDomain(scopes: string[]): Record<Domain, Access> {
  return Object.fromEntries(DOMAINS.map((d) => [d, scopes.includes(`${d}_WRITE`) ? 'WRITE' : scopes.includes(`${d}_READ`) ? 'READ' : 'NONE'])) as Record<Domain, Access>;
}

export function scopesOf(access: Record<Domain, Access>): string[] {
  return DOMAINS.filter((d) => access[d] !== 'NONE').map((d) => `${d}_${access[d]}`);
}

/** A year from now: the default expiry, and the one a rotated expired key gets. */
export function aYearFromNow(now = new Date()): Date {
  return new Date(now.getTime() + 365 * 24 * 3600 * 1000);
}
