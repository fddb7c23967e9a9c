import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Months of a placement's summary that a birthday splits between age bands. */
const SPLIT = `SELECT "placement_id", "month" FROM "placement_cost_month" GROUP BY 1, 2 HAVING count(*) > 1`;
const FIGURES = `"numerator", "one_off", "nights", "min_fee", "max_fee"`;
/** The cost rule's rounding of a month's numerator (half up, once), as it stood when this was written. */
const COST = `div("numerator" * 2 + 7, 14) + "one_off"`;

/**
 * The spend summary holds one row per placement and month (a month without age bands is then
 * read as it is, not summed again per query); the rare months a birthday splits between two
 * bands are also held per band in `placement_cost_month_band`; each row also holds its cost as
 * the rule rounds it. The rows held are regrouped as they are, so nothing needs working out again.
 */
export class SpendSummaryBands1796420199517 implements MigrationInterface {
  name = 'SpendSummaryBands1796420199517';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "placement_cost_month_band" ("placement_id" uuid NOT NULL, "month" date NOT NULL, "age_band" character varying(16) NOT NULL, "cost" bigint NOT NULL, "numerator" bigint NOT NULL, "one_off" bigint NOT NULL, "nights" integer NOT NULL, "min_fee" bigint, "max_fee" bigint, CONSTRAINT "pk_placement_cost_month_band" PRIMARY KEY ("placement_id", "month", "age_band"))`);
    await q.query(`ALTER TABLE "placement_cost_month" ADD "cost" bigint`);
    await q.query(`UPDATE "placement_cost_month" SET "cost" = ${COST}`);
    await q.query(`ALTER TABLE "placement_cost_month" ALTER COLUMN "cost" SET NOT NULL`);
    await q.query(`INSERT INTO "placement_cost_month_band" ("placement_id", "month", "age_band", "cost", ${FIGURES}) SELECT "placement_id", "month", "age_band", "cost", ${FIGURES} FROM "placement_cost_month" WHERE ("placement_id", "month") IN (${SPLIT})`);
    await q.query(`ALTER TABLE "placement_cost_month" DROP CONSTRAINT "pk_placement_cost_month"`);
    await q.query(`ALTER TABLE "placement_cost_month" ALTER COLUMN "age_band" DROP NOT NULL`);
    await q.query(`DELETE FROM "placement_cost_month" WHERE ("placement_id", "month") IN (SELECT "placement_id", "month" FROM "placement_cost_month_band")`);
    await q.query(`INSERT INTO "placement_cost_month" ("placement_id", "month", "age_band", "cost", ${FIGURES})
      SELECT "placement_id", "month", NULL, 0, sum("numerator"), sum("one_off"), sum("nights"), min("min_fee"), max("max_fee") FROM "placement_cost_month_band" GROUP BY 1, 2`);
    await q.query(`UPDATE "placement_cost_month" SET "cost" = ${COST} WHERE "age_band" IS NULL`);
    await q.query(`ALTER TABLE "placement_cost_month" ADD CONSTRAINT "pk_placement_cost_month" PRIMARY KEY ("placement_id", "month")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "placement_cost_month" DROP CONSTRAINT "pk_placement_cost_month"`);
    await q.query(`DELETE FROM "placement_cost_month" WHERE "age_band" IS NULL`);
    await q.query(`INSERT INTO "placement_cost_month" ("placement_id", "month", "age_band", ${FIGURES}) SELECT "placement_id", "month", "age_band", ${FIGURES} FROM "placement_cost_month_band"`);
    await q.query(`ALTER TABLE "placement_cost_month" ALTER COLUMN "age_band" SET NOT NULL`);
    await q.query(`ALTER TABLE "placement_cost_month" ADD CONSTRAINT "pk_placement_cost_month" PRIMARY KEY ("placement_id", "month", "age_band")`);
    await q.query(`ALTER TABLE "placement_cost_month" DROP COLUMN "cost"`);
    await q.query(`DROP TABLE "placement_cost_month_band"`);
  }
}
