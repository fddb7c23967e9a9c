import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

describe('serving the admin', () => {
  it('revalidates index.html and lets hashed assets be cached for good', async () => {
    for (const page of ['/', '/providers', '/settings/123']) {
      const res = await fetch(`${t.api.url}${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
    const asset = readdirSync(path.resolve(__dirname, '../../admin/dist/assets')).find((f) => f.endsWith('.js'))!;
    const res = await fetch(`${t.api.url}/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
