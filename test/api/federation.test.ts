import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';
import { buildSubgraphSchema } from '../../server/src/graphql/subgraph/subgraph-schema';
import { createProvider, type Row } from '../support/fixtures';
import { createChild } from '../support/services';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let subgraphUrl: string;
const children: Row[] = [];
const providers: Row[] = [];

beforeAll(async () => {
  t = await startTestApi();
  subgraphUrl = `${t.api.url}/subgraph`;
  for (const ref of ['FED-1', 'FED-2', 'FED-3']) children.push(await createChild(t, ref));
  for (const name of ['Federated One Ltd', 'Federated Two Ltd']) providers.push(await createProvider(t, { legalName: name }));
}, 60_000);
afterAll(() => t.stop());

async function subgraph(query: string, variables: Record<string, unknown> = {}, token: string | null = t.adminToken) {
  const res = await fetch(subgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: any }> } };
}

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename ... on Child { id caseReference } ... on Provider { id legalName } } }`;

describe('the Placewise subgraph', () => {
  it('answers _service { sdl } with the committed schema/subgraph.graphql, and keeps /graphql without federation fields', async () => {
    const res = await subgraph('{ _service { sdl } }');
    expect(res.status).toBe(200);
    expect(res.body.data._service.sdl + '\n').toBe(readFileSync(path.resolve(__dirname, '../../schema/subgraph.graphql'), 'utf8'));
    const keyed = [...res.body.data._service.sdl.matchAll(/^type (\w+)(?: implements [\w &]+)?\s+@key\(fields: "id"\)/gm)].map((m) => m[1]).sort();
    expect(keyed).toEqual(['Agreement', 'Child', 'Contract', 'Invoice', 'Placement', 'Provider', 'Setting']);
    const publicRes = await t.gql('{ _service { sdl } }');
    expect(publicRes.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves many representations with one SQL statement per type, in the order given', async () => {
    const reps = [
      ...children.map((c) => ({ __typename: 'Child', id: c.id })),
      { __typename: 'Provider', id: providers[1].id },
      { __typename: 'Child', id: children[0].id },
      { __typename: 'Provider', id: providers[0].id },
    ];
    let res!: Awaited<ReturnType<typeof subgraph>>;
    await t.ok('{ me { id } }'); // the signed-in user is cached for a few seconds: the count below is the query's own
    const statements = await t.countStatements(async () => {
      res = await subgraph(ENTITIES, { r: reps });
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toEqual([
      { __typename: 'Child', id: children[0].id, caseReference: 'FED-1' },
      { __typename: 'Child', id: children[1].id, caseReference: 'FED-2' },
      { __typename: 'Child', id: children[2].id, caseReference: 'FED-3' },
      { __typename: 'Provider', id: providers[1].id, legalName: 'Federated Two Ltd' },
      { __typename: 'Child', id: children[0].id, caseReference: 'FED-1' },
      { __typename: 'Provider', id: providers[0].id, legalName: 'Federated One Ltd' },
    ]);
    expect(statements).toBe(2);
  });

  it('answers unknown types, malformed and unknown ids with nulls and errors, never a 500', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await subgraph(ENTITIES, {
      r: [{ __typename: 'Child', id: children[0].id }, { __typename: 'Spaceship', id: missing }, { __typename: 'Provider', id: 'not-a-uuid' }, { __typename: 'Provider', id: missing }, { id: missing }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data._entities).toEqual([{ __typename: 'Child', id: children[0].id, caseReference: 'FED-1' }, null, null, null, null]);
    const byIndex = Object.fromEntries((res.body.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code]));
    expect(byIndex).toEqual({ 1: 'BAD_USER_INPUT', 2: 'BAD_USER_INPUT', 3: 'NOT_FOUND', 4: 'BAD_USER_INPUT' });
    expect(res.body.errors?.find((e) => e.path?.[1] === 1)?.message).toBe(
      'Spaceship is not an entity of this subgraph (Provider, Setting, Child, Placement, Contract, Agreement, Invoice)',
    );
  });

  it('applies the same roles as the public queries: an analyst gets providers but not children', async () => {
    const analyst = await t.userWithRole('ANALYST');
    const res = await subgraph(ENTITIES, { r: [{ __typename: 'Child', id: children[0].id }, { __typename: 'Provider', id: providers[0].id }] }, analyst.token);
    expect(res.status).toBe(200);
    expect(res.body.data._entities).toEqual([null, { __typename: 'Provider', id: providers[0].id, legalName: 'Federated One Ltd' }]);
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['_entities', 0], 'FORBIDDEN']]);
    const anonymous = await subgraph(ENTITIES, { r: [{ __typename: 'Provider', id: providers[0].id }] }, null);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data ?? null).toBeNull();
  });

  it('gives an API key the entities its scopes open: a providers key gets providers but not children', async () => {
    const { secret } = (await t.ok('mutation { createApiKey(name: "Subgraph reader", scopes: [PROVIDERS_READ]) { secret } }')).createApiKey;
    const res = await subgraph(ENTITIES, { r: [{ __typename: 'Child', id: children[0].id }, { __typename: 'Provider', id: providers[0].id }] }, secret);
    expect(res.status).toBe(200);
    expect(res.body.data._entities).toEqual([null, { __typename: 'Provider', id: providers[0].id, legalName: 'Federated One Ltd' }]);
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['_entities', 0], 'FORBIDDEN']]);
  });
});

describe('composed with a case-management subgraph behind a real gateway process', () => {
  let caseManagement: ApolloServer;
  let gateway: ChildProcess;
  let gatewayUrl: string;

  /** The second subgraph, as a case-management system would write it: it adds Child.socialWorker and lists allocated children. */
  const socialWorkers = new Map<string, { name: string; team: string }>();

  beforeAll(async () => {
    socialWorkers.set(children[0].id, { name: 'Sam Okafor', team: 'North locality' });
    socialWorkers.set(children[2].id, { name: 'Priya Shah', team: 'Leaving care' });
    caseManagement = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: parse(`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
          type Child @key(fields: "id") { id: ID! socialWorker: SocialWorker }
          type SocialWorker { name: String! team: String! }
          type Query { allocatedChildren: [Child!]! }
        `),
        resolvers: {
          Query: { allocatedChildren: () => [...socialWorkers.keys()].map((id) => ({ id })) },
          Child: { socialWorker: (child: { id: string }) => socialWorkers.get(child.id) ?? null },
        } as never,
      }),
    });
    const { url: caseUrl } = await startStandaloneServer(caseManagement, { listen: { port: 0, host: '127.0.0.1' } });
    const key = await t.ok<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "Gateway composition") { secret } }');
    gateway = spawn(process.execPath, ['-r', '@swc-node/register', path.resolve(__dirname, '../support/federation/gateway-process.ts')], {
      env: {
        ...process.env,
        SUBGRAPHS: JSON.stringify([
          { name: 'placewise', url: subgraphUrl },
          { name: 'case-management', url: caseUrl },
        ]),
        GATEWAY_TOKEN: key.createApiKey.secret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    gateway.stderr!.on('data', (chunk) => (stderr += chunk));
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: gateway.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
      gateway.once('exit', (code) => reject(new Error(`the gateway exited with ${code}: ${stderr}`)));
    });
  }, 60_000);

  afterAll(async () => {
    gateway?.kill('SIGTERM');
    await caseManagement?.stop();
  });

  async function viaGateway(query: string) {
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  }

  it('answers one query across both subgraphs, Placewise loading every child the other lists with one statement', async () => {
    let res!: Awaited<ReturnType<typeof viaGateway>>;
    await t.ok('{ me { id } }');
    const statements = await t.countStatements(async () => {
      res = await viaGateway('{ allocatedChildren { id caseReference gender socialWorker { name team } } }');
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.allocatedChildren).toEqual([
      { id: children[0].id, caseReference: 'FED-1', gender: 'FEMALE', socialWorker: { name: 'Sam Okafor', team: 'North locality' } },
      { id: children[2].id, caseReference: 'FED-3', gender: 'FEMALE', socialWorker: { name: 'Priya Shah', team: 'Leaving care' } },
    ]);
    expect(statements).toBe(1);
  });

  it('extends a Placewise list with the other subgraph’s field', async () => {
    const res = await viaGateway('{ children(orderBy: [{ field: caseReference, direction: ASC }]) { nodes { caseReference socialWorker { name } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.children.nodes).toEqual([
      { caseReference: 'FED-1', socialWorker: { name: 'Sam Okafor' } },
      { caseReference: 'FED-2', socialWorker: null },
      { caseReference: 'FED-3', socialWorker: { name: 'Priya Shah' } },
    ]);
  });
});
