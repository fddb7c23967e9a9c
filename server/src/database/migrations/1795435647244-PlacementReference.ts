import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlacementReference1795435647244 implements MigrationInterface {
  name = 'PlacementReference1795435647244';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "placement" ADD "reference" character varying(50)`);
    await q.query(`CREATE UNIQUE INDEX "uq_placement_reference" ON "placement"  ("reference") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_placement_reference"`);
    await q.query(`ALTER TABLE "placement" DROP COLUMN "reference"`);
  }
}
