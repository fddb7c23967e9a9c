import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const guide = readme.slice(readme.indexOf('## API guide'));
const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let t: TestApi;
beforeAll(async () => {
  // The guide signs in as the administrator it describes, so the examples run as written.
  t = await startTestApi({ ADMIN_EMAIL: 'admin@placewise.local', ADMIN_PASSWORD: 'your password' });
});
afterAll(() => t.stop());

describe('README API guide', () => {
  it('has the examples this test expects', () => {
    expect(examples.length).toBe(7);
  });

  it('every example runs as written, in order, without errors', async () => {
    let provider: { id: string; version: number } | null = null;
    const results: Record<string, any>[] = [];
    for (const example of examples) {
      // Examples with variables take them from the provider the guide created.
      const variables: Record<string, unknown> = {};
      if (example.includes('$providerId')) variables.providerId = provider!.id;
      if (example.includes('$id:')) variables.id = provider!.id;
      if (example.includes('$version')) variables.version = provider!.version;
      const token = example.includes('login(') ? null : t.adminToken;
      const data = await t.ok(example, variables, token);
      if (data.createProvider) provider = data.createProvider;
      results.push(data);
    }
    expect(results[0].login.user).toEqual({ email: 'admin@placewise.local', role: 'ADMIN' });
    expect(results[2].createSetting.postcode).toBe('BH1 1AA');
    expect(results[3].providers.totalCount).toBe(1);
    expect(results[3].providers.nodes[0]).toEqual({
      legalName: 'Harbour Fostering Ltd',
      providerCode: 'PR4',
      settings: [{ name: 'Seaview House', ofstedRating: 'GOOD', postcode: 'BH1 1AA' }],
    });
    expect(results[4].updateProvider).toEqual({ version: 2, status: 'SUSPENDED' });
    expect(results[5].settings.nodes).toEqual([]);
    expect(results[6].auditEvents.nodes.map((e: any) => e.action)).toEqual(['UPDATE', 'CREATE']);
  });
});
