/**
 * The change feed: every committed change, by id and field names only, gap-free and in order
 * for a consumer that keeps its cursor, whatever the writers do side by side, including a
 * transaction that began before others and commits after them.
 */
import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

interface Event {
  sequence: string;
  type: string;
  entityId: string;
  version: number | null;
  operation: string;
  changedFields: string[];
  actorId: string | null;
}
interface Page {
  events: Event[];
  endCursor: string;
  hasMore: boolean;
}

const PAGE = 'events { sequence type entityId version operation changedFields actorId occurredAt } endCursor hasMore';

async function page(after: string | null, first = 50, types: string[] | null = null, token?: string): Promise<Page> {
  return (await t.ok<{ changes: Page }>(`query($a: String, $f: Int, $t: [String!]) { changes(after: $a, first: $f, types: $t) { ${PAGE} } }`, { a: after, f: first, t: types }, token)).changes;
}

/**
 * Reads the feed from `after` as a consumer does, until it is caught up and has seen `count`
 * events. A change shows once every transaction begun before it has ended, in any database of
 * the server (the other test files' included), so a consumer may have to ask again.
 */
async function drain(after: string | null, count = 0, first = 50, types: string[] | null = null): Promise<{ events: Event[]; cursor: string }> {
  const events: Event[] = [];
  let cursor = after;
  for (let attempt = 0; attempt < 400; attempt++) {
    const p = await page(cursor, first, types);
    events.push(...p.events);
    cursor = p.endCursor;
    if (!p.hasMore && events.length >= count) return { events, cursor: cursor! };
    if (!p.hasMore) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the feed gave ${events.length} of ${count} events`);
}

describe('the change feed', () => {
  it('carries each change with the record’s id, version and the names of the fields changed, never their values', async () => {
    const { cursor: start } = await drain(null);
    const provider = await createProvider(t, { legalName: 'Feed Fostering Ltd', serviceCategories: ['FOSTERING'] });
    const updated = (await t.ok(`mutation { updateProvider(id: "${provider.id}", version: ${provider.version}, input: { tradingName: "Feed Foster", notes: "secret note" }) { id version } }`)).updateProvider;
    const child = (await t.ok('mutation { createChild(input: { caseReference: "FEED-1", initials: "FD", dateOfBirth: "2013-02-03", gender: FEMALE }) { id version } }')).createChild;

    const { events } = await drain(start, 3);
    const me = (await t.ok('{ me { id } }')).me.id;
    expect(events.map(({ type, entityId, version, operation, actorId }) => ({ type, entityId, version, operation, actorId }))).toEqual([
      { type: 'Provider', entityId: provider.id, version: 1, operation: 'CREATE', actorId: me },
      { type: 'Provider', entityId: provider.id, version: updated.version, operation: 'UPDATE', actorId: me },
      { type: 'Child', entityId: child.id, version: 1, operation: 'CREATE', actorId: me },
    ]);
    expect(events[1].changedFields).toEqual(['notes', 'tradingName']);
    expect(events[2].changedFields).toEqual(expect.arrayContaining(['caseReference', 'dateOfBirth', 'initials']));
    // No value travels: not the note, not the child's reference or date of birth.
    expect(JSON.stringify(events)).not.toMatch(/secret note|FEED-1|2013-02-03|Feed Foster/);
    expect(BigInt(events[1].sequence)).toBeGreaterThan(BigInt(events[0].sequence));
  });

  it('keeps the changes of a transaction that began before others and committed after them, behind no cursor', async () => {
    const { cursor: start } = await drain(null);
    const early = await createProvider(t, { legalName: 'Early Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
    // A transaction that takes its id now and commits only after later writers have committed and been read.
    const runner = t.api.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`UPDATE "provider" SET "notes" = 'slow', "version" = "version" + 1 WHERE "id" = $1`, [early.id]);
    await runner.query(
      `INSERT INTO "change_event" ("transaction_id", "type", "entity_id", "version", "operation", "changed_fields") VALUES (pg_current_xact_id()::text::bigint, 'Provider', $1, 2, 'UPDATE', ARRAY['notes'])`,
      [early.id],
    );
    const later = await createProvider(t, { legalName: 'Later Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
    const whileOpen = await drain(start, 1);
    // The later change is held back while the earlier transaction runs: it may yet write behind it.
    expect(whileOpen.events.map((e) => e.entityId)).toEqual([early.id]);
    await runner.commitTransaction();
    await runner.release();
    const afterCommit = await drain(whileOpen.cursor, 2);
    expect(afterCommit.events.map((e) => [e.entityId, e.operation])).toEqual([
      [early.id, 'UPDATE'],
      [later.id, 'CREATE'],
    ]);
  });

  it('gives a consumer that stops and resumes every change exactly once, in order, with writers side by side', async () => {
    const { cursor: start } = await drain(null);
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 8; i++) {
        const p = await createProvider(t, { legalName: `Writer ${w} Home ${i} Ltd`, serviceCategories: ['RESIDENTIAL'] });
        await t.ok(`mutation { updateProvider(id: "${p.id}", version: ${p.version}, input: { notes: "n${i}" }) { id } }`);
      }
    });
    // The consumer reads small pages while they write, stopping after each and resuming from the cursor it kept.
    const seen: Event[] = [];
    let cursor = start;
    let writing = true;
    const done = Promise.all(writers).then(() => {
      writing = false;
    });
    while (writing) {
      const p = await page(cursor, 7);
      seen.push(...p.events);
      cursor = p.endCursor;
    }
    await done;
    seen.push(...(await drain(cursor, 96 - seen.length, 7)).events);

    const [{ count }] = await t.api.db.query(`SELECT count(*)::int AS count FROM "change_event" WHERE "type" = 'Provider' AND "entity_id" IN (SELECT "id" FROM "provider" WHERE "legal_name" LIKE 'Writer %')`);
    const writes = seen.filter((e) => e.type === 'Provider');
    expect(count).toBe(96);
    expect(writes).toHaveLength(96);
    expect(new Set(writes.map((e) => e.sequence)).size).toBe(96);
    // Each provider's create comes before its update.
    const firstOf = new Map<string, string>();
    for (const e of writes) if (!firstOf.has(e.entityId)) firstOf.set(e.entityId, e.operation);
    expect([...firstOf.values()].every((op) => op === 'CREATE')).toBe(true);
  }, 60000);

  it('filters by type, and keeps children’s changes from roles that may not read children', async () => {
    const { cursor: start } = await drain(null);
    await createProvider(t, { legalName: 'Typed Ltd', serviceCategories: ['FOSTERING'] });
    await t.ok('mutation { createChild(input: { caseReference: "FEED-2", initials: "TY", dateOfBirth: "2014-02-03", gender: MALE }) { id } }');
    expect((await drain(start, 1, 50, ['Child'])).events.map((e) => e.type)).toEqual(['Child']);
    await drain(start, 2);
    const analyst = (await t.userWithRole('ANALYST')).token;
    const seenByAnalyst = (await page(start, 50, null, analyst)).events.map((e) => e.type);
    expect(seenByAnalyst).toEqual(['Provider']);
    // A key sees the types its scopes let it read: providers here, not children.
    const { secret } = (await t.ok('mutation { createApiKey(name: "Feed reader", scopes: [PROVIDERS_READ]) { secret } }')).createApiKey;
    expect((await page(start, 50, null, secret)).events.map((e) => e.type)).toEqual(['Provider']);
  });

  it('refuses a cursor it did not make, and a type it does not carry', async () => {
    const list = (await t.ok('{ providers(first: 1) { pageInfo { endCursor } } }')).providers.pageInfo.endCursor;
    const future = Buffer.from(JSON.stringify({ o: 'changes/v1', v: ['999999999999', '1'] })).toString('base64url');
    for (const [after, message] of [
      ['not-a-cursor', /not a cursor/],
      [list, /different sort order|not a cursor/],
      [future, /not a cursor returned by this feed/],
    ] as const) {
      const res = await t.gql('query($a: String) { changes(after: $a) { endCursor } }', { a: after });
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].message).toMatch(message);
    }
    // Left out, `after` reads from the beginning (not a refusal).
    expect((await t.ok('{ changes(first: 1) { events { sequence } hasMore } }')).changes.events).toHaveLength(1);
    const res = await t.gql('{ changes(types: ["Nonsense"]) { endCursor } }');
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'types.0' }] });
  });
});
