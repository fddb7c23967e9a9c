import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LocalityPopulation1796409743280 implements MigrationInterface {
  name = 'LocalityPopulation1796409743280';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "locality_population" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locality_id" uuid NOT NULL, "effective_from" date NOT NULL, "children" integer NOT NULL, "source" character varying(500), CONSTRAINT "ck_locality_population_children" CHECK ("children" > 0), CONSTRAINT "pk_locality_population" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_locality_population_date" ON "locality_population"  ("locality_id", "effective_from") `);
    await q.query(`ALTER TABLE "locality_population" ADD CONSTRAINT "fk_locality_population_locality_id" FOREIGN KEY ("locality_id") REFERENCES "locality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "locality_population" DROP CONSTRAINT "fk_locality_population_locality_id"`);
    await q.query(`DROP INDEX "public"."uq_locality_population_date"`);
    await q.query(`DROP TABLE "locality_population"`);
  }
}
