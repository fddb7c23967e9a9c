import { registerEnumType } from 'type-graphql';

/** The domains an API key is scoped by; every query and mutation belongs to one of them or to one of OPERATION_GROUPS. */
export const KEY_DOMAINS = ['providers', 'agreements', 'contracts', 'placements', 'transport', 'contact', 'invoices', 'budgets', 'analytics'] as const;
export type KeyDomain = (typeof KEY_DOMAINS)[number];

/**
 * Operations outside the keys' domains: `reference` (authorities and localities: any key reads
 * them, none writes), `people` (users, API keys, audit trail, sessions: never a key) and
 * `public` (signing in and refreshing: no token needed).
 */
export type OperationGroup = 'reference' | 'people' | 'public';
export type OperationDomain = KeyDomain | OperationGroup;
export type Access = 'read' | 'write';

export enum ApiKeyScope {
  PROVIDERS_READ = 'PROVIDERS_READ',
  PROVIDERS_WRITE = 'PROVIDERS_WRITE',
  AGREEMENTS_READ = 'AGREEMENTS_READ',
  AGREEMENTS_WRITE = 'AGREEMENTS_WRITE',
  CONTRACTS_READ = 'CONTRACTS_READ',
  CONTRACTS_WRITE = 'CONTRACTS_WRITE',
  PLACEMENTS_READ = 'PLACEMENTS_READ',
  PLACEMENTS_WRITE = 'PLACEMENTS_WRITE',
  TRANSPORT_READ = 'TRANSPORT_READ',
  TRANSPORT_WRITE = 'TRANSPORT_WRITE',
  CONTACT_READ = 'CONTACT_READ',
  CONTACT_WRITE = 'CONTACT_WRITE',
  INVOICES_READ = 'INVOICES_READ',
  INVOICES_WRITE = 'INVOICES_WRITE',
  BUDGETS_READ = 'BUDGETS_READ',
  BUDGETS_WRITE = 'BUDGETS_WRITE',
  ANALYTICS_READ = 'ANALYTICS_READ',
  ANALYTICS_WRITE = 'ANALYTICS_WRITE',
}

const WHAT: Record<KeyDomain, string> = {
  providers: 'providers and their settings',
  agreements: 'preferred-provider agreements and rate cards',
  contracts: 'contracts, negotiations and procurement rounds',
  placements: "children, placements, their fees, services and care costs (children's identifying details)",
  transport: 'transport routes, journeys and price schedules',
  contact: 'supervised contact arrangements, sessions and rates',
  invoices: 'invoices and invoice lines',
  budgets: 'budget lines, the budget position and forecast',
  analytics: 'spend, indicators, unit costs and the other reports',
};

export function scopeFor(domain: KeyDomain, access: Access): ApiKeyScope {
  return `${domain.toUpperCase()}_${access.toUpperCase()}` as ApiKeyScope;
}

/** Write includes read: a key that may change a domain may also read it. */
export function grants(scopes: ReadonlySet<ApiKeyScope>, domain: KeyDomain, access: Access): boolean {
  return scopes.has(scopeFor(domain, 'write')) || (access === 'read' && scopes.has(scopeFor(domain, 'read')));
}

/** Scopes of a key created without any: read everything but children and placements (what keys could do before scopes). */
export const DEFAULT_SCOPES: ApiKeyScope[] = KEY_DOMAINS.filter((d) => d !== 'placements').map((d) => scopeFor(d, 'read'));

registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may do in one domain: READ its queries, or WRITE (its mutations, and read too).',
  valuesConfig: Object.fromEntries(
    KEY_DOMAINS.flatMap((d) => [
      [scopeFor(d, 'read'), { description: `Read ${WHAT[d]}.` }],
      [scopeFor(d, 'write'), { description: `Read and change ${WHAT[d]}.` }],
    ]),
  ),
});
