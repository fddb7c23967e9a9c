import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which rows a change to each table makes stale in the spend summary: [table, kind, key column]. */
const MARKED: Array<[string, string, string]> = [
  ['placement', 'PLACEMENT', 'id'],
  ['placement_fee', 'PLACEMENT', 'placement_id'],
  ['additional_service', 'PLACEMENT', 'placement_id'],
  ['transport_route', 'ROUTE', 'id'],
  ['transport_route_child', 'ROUTE', 'route_id'],
  ['transport_journey', 'ROUTE', 'route_id'],
  ['contact_arrangement', 'ARRANGEMENT', 'id'],
  ['contact_session', 'ARRANGEMENT', 'arrangement_id'],
];
const EVENTS: Array<[string, string]> = [
  ['insert', 'REFERENCING NEW TABLE AS changed'],
  ['update', 'REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed'],
  ['delete', 'REFERENCING OLD TABLE AS changed'],
];

export class SpendSummary1796411228908 implements MigrationInterface {
  name = 'SpendSummary1796411228908';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "placement_cost_month" ("placement_id" uuid NOT NULL, "month" date NOT NULL, "age_band" character varying(16) NOT NULL, "numerator" bigint NOT NULL, "one_off" bigint NOT NULL, "nights" integer NOT NULL, "min_fee" bigint, "max_fee" bigint, CONSTRAINT "pk_placement_cost_month" PRIMARY KEY ("placement_id", "month", "age_band"))`);
    await q.query(`CREATE INDEX "ix_placement_cost_month_month" ON "placement_cost_month"  ("month") `);
    await q.query(`CREATE TABLE "service_cost_month" ("source" character varying(16) NOT NULL, "origin_id" uuid NOT NULL, "child_id" uuid NOT NULL, "month" date NOT NULL, "age_band" character varying(16) NOT NULL, "contract_id" uuid, "amount" bigint NOT NULL, "units" integer NOT NULL, CONSTRAINT "pk_service_cost_month" PRIMARY KEY ("source", "origin_id", "child_id", "month", "age_band"))`);
    await q.query(`CREATE INDEX "ix_service_cost_month_month" ON "service_cost_month"  ("month") `);
    await q.query(`CREATE TABLE "spend_dirty" ("kind" character varying(16) NOT NULL, "id" uuid NOT NULL, CONSTRAINT "pk_spend_dirty" PRIMARY KEY ("kind", "id"))`);
    await q.query(`CREATE TABLE "spend_summary_state" ("id" integer NOT NULL, "horizon" date NOT NULL, CONSTRAINT "pk_spend_summary_state" PRIMARY KEY ("id"))`);
    // Statement triggers with transition tables, so a COPY of a million journeys marks each route once.
    await q.query(`CREATE FUNCTION "spend_mark_dirty"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('INSERT INTO "spend_dirty" ("kind", "id") SELECT DISTINCT %L, %I FROM changed WHERE %I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]);
        IF TG_OP = 'UPDATE' THEN
          EXECUTE format('INSERT INTO "spend_dirty" ("kind", "id") SELECT DISTINCT %L, %I FROM changed_before WHERE %I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]);
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, kind, key] of MARKED) {
      for (const [event, clause] of EVENTS) {
        await q.query(`CREATE TRIGGER "tr_${table}_spend_${event}" AFTER ${event.toUpperCase()} ON "${table}" ${clause} FOR EACH STATEMENT EXECUTE FUNCTION "spend_mark_dirty"('${kind}', '${key}')`);
      }
    }
    // A child's date of birth moves age bands; its case reference orders the odd pence of shared journeys.
    await q.query(`CREATE FUNCTION "spend_mark_child_dirty"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH moved AS (
          SELECT n."id" FROM changed n JOIN changed_before o ON o."id" = n."id"
          WHERE n."date_of_birth" IS DISTINCT FROM o."date_of_birth" OR n."case_reference" IS DISTINCT FROM o."case_reference")
        INSERT INTO "spend_dirty" ("kind", "id")
          SELECT 'PLACEMENT', "p"."id" FROM "placement" "p" WHERE "p"."child_id" IN (SELECT "id" FROM moved)
          UNION SELECT 'ROUTE', "rc"."route_id" FROM "transport_route_child" "rc" WHERE "rc"."child_id" IN (SELECT "id" FROM moved)
          UNION SELECT 'ARRANGEMENT', "a"."id" FROM "contact_arrangement" "a" WHERE "a"."child_id" IN (SELECT "id" FROM moved)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "tr_child_spend_update" AFTER UPDATE ON "child" REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "spend_mark_child_dirty"()`);
    // Everything already recorded is yet to be summed.
    await q.query(`INSERT INTO "spend_dirty" ("kind", "id") SELECT 'PLACEMENT', "id" FROM "placement" UNION ALL SELECT 'ROUTE', "id" FROM "transport_route" UNION ALL SELECT 'ARRANGEMENT', "id" FROM "contact_arrangement"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_child_spend_update" ON "child"`);
    await q.query(`DROP FUNCTION "spend_mark_child_dirty"()`);
    for (const [table] of MARKED) for (const [event] of EVENTS) await q.query(`DROP TRIGGER "tr_${table}_spend_${event}" ON "${table}"`);
    await q.query(`DROP FUNCTION "spend_mark_dirty"()`);
    await q.query(`DROP TABLE "spend_summary_state"`);
    await q.query(`DROP TABLE "spend_dirty"`);
    await q.query(`DROP INDEX "public"."ix_service_cost_month_month"`);
    await q.query(`DROP TABLE "service_cost_month"`);
    await q.query(`DROP INDEX "public"."ix_placement_cost_month_month"`);
    await q.query(`DROP TABLE "placement_cost_month"`);
  }
}
