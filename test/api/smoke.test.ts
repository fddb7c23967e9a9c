import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

it('serves me for the signed-in admin', async () => {
  const data = await t.ok<{ me: { email: string; role: string } }>('{ me { email role } }');
  expect(data.me).toEqual({ email: 'admin@test.placewise', role: 'ADMIN' });
});
