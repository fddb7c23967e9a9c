import { parse, type OperationDefinitionNode } from 'graphql';
import { ApiKeyScope, KEY_DOMAINS } from '../modules/user/api-key-scope';
import { SCOPE_EXTENSION, type FieldScope } from './operation-scope';
import { graphqlSchema } from './schema';
import { scopeRefusals } from './scope-check';

const DOMAINS = new Set<string>([...KEY_DOMAINS, 'reference', 'people', 'public']);

async function refusals(query: string, scopes: ApiKeyScope[]): Promise<string[]> {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return scopeRefusals(await graphqlSchema(), document, operation, new Set(scopes));
}

describe('the domain of every operation', () => {
  it('is declared for every query and mutation of the schema', async () => {
    const schema = await graphqlSchema();
    const missing: string[] = [];
    const byDomain = new Map<string, number>();
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        const scope = field.extensions?.[SCOPE_EXTENSION] as FieldScope | undefined;
        if (!scope || !DOMAINS.has(scope.domain)) missing.push(`${root.name}.${field.name}`);
        else byDomain.set(scope.domain, (byDomain.get(scope.domain) ?? 0) + 1);
      }
    }
    expect(missing).toEqual([]);
    // Every key domain has operations: a scope that opens nothing would be a mistake.
    for (const domain of KEY_DOMAINS) expect(byDomain.get(domain) ?? 0).toBeGreaterThan(0);
    expect(schema.getMutationType()!.getFields().login.extensions?.[SCOPE_EXTENSION]).toEqual({ domain: 'public' });
    expect(schema.getMutationType()!.getFields().createApiKey.extensions?.[SCOPE_EXTENSION]).toEqual({ domain: 'people' });
  });

  it('is declared for every field resolver too, so a nested field of another module needs that module’s scope', async () => {
    expect(await refusals('{ placements { nodes { id invoiceLines { amount } } } }', [ApiKeyScope.PLACEMENTS_READ])).toEqual([
      'Placement.invoiceLines needs the INVOICES_READ or INVOICES_WRITE scope',
    ]);
    expect(await refusals('{ placements { nodes { id invoiceLines { amount } } } }', [ApiKeyScope.PLACEMENTS_READ, ApiKeyScope.INVOICES_READ])).toEqual([]);
  });
});

describe('a key’s scopes', () => {
  it('open reads with READ or WRITE, and mutations with WRITE only', async () => {
    expect(await refusals('{ providers { nodes { id } } }', [ApiKeyScope.PROVIDERS_WRITE])).toEqual([]);
    expect(await refusals('mutation { createProvider(input: { legalName: "X", providerCode: PR4 }) { id } }', [ApiKeyScope.PROVIDERS_READ])).toEqual([
      'Mutation.createProvider needs the PROVIDERS_WRITE scope',
    ]);
  });

  it('are checked through fragments and aliases, and name every refused field once', async () => {
    const query = `query { a: budgetLines { nodes { id } } ...F } fragment F on Query { b: budgetLines { nodes { id } } spend(groupBy: [MONTH], from: "2026-04-01", to: "2026-04-30", basis: EXPECTED) { total { amount } } }`;
    expect(await refusals(query, [ApiKeyScope.PROVIDERS_READ])).toEqual([
      'Query.budgetLines needs the BUDGETS_READ or BUDGETS_WRITE scope',
      'Query.spend needs the ANALYTICS_READ or ANALYTICS_WRITE scope',
    ]);
  });

  it('never open the people-only operations, nor writes of reference data; reference reads are open to any key', async () => {
    const all = Object.values(ApiKeyScope);
    expect(await refusals('{ users { nodes { id } } apiKeys { id } auditEvents { nodes { id } } }', all)).toEqual([
      'Query.users is for people signed in, not API keys',
      'Query.apiKeys is for people signed in, not API keys',
      'Query.auditEvents is for people signed in, not API keys',
    ]);
    expect(await refusals('{ localities { nodes { name } } __typename }', [ApiKeyScope.BUDGETS_READ])).toEqual([]);
    expect(await refusals('mutation { createAuthority(input: { name: "X" }) { id } }', all)).toEqual(['Mutation.createAuthority changes reference data, which API keys may not']);
  });
});
