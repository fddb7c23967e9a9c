import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvoiceLineDisputes1795443599340 implements MigrationInterface {
  name = 'InvoiceLineDisputes1795443599340';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "invoice_line" ADD "dispute_reason" text`);
    await q.query(`ALTER TABLE "invoice_line" ADD "disputed_by" character varying(254)`);
    await q.query(`ALTER TABLE "invoice_line" ADD "disputed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await q.query(`CREATE TYPE "public"."invoice_line_resolution" AS ENUM('ACCEPTED', 'CREDIT_NOTE', 'WITHDRAWN')`);
    await q.query(`ALTER TABLE "invoice_line" ADD "resolution" "public"."invoice_line_resolution"`);
    await q.query(`ALTER TABLE "invoice_line" ADD "resolution_reason" text`);
    await q.query(`ALTER TABLE "invoice_line" ADD "resolved_by" character varying(254)`);
    await q.query(`ALTER TABLE "invoice_line" ADD "resolved_at" TIMESTAMP(3) WITH TIME ZONE`);
    await q.query(`ALTER TYPE "public"."invoice_line_status" ADD VALUE 'RESOLVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "invoice_line" SET "status" = 'DISPUTED' WHERE "status" = 'RESOLVED'`);
    await q.query(`CREATE TYPE "public"."invoice_line_status_old" AS ENUM('MATCHED', 'DISPUTED', 'APPROVED', 'PAID')`);
    await q.query(`ALTER TABLE "invoice_line" ALTER COLUMN "status" TYPE "public"."invoice_line_status_old" USING "status"::"text"::"public"."invoice_line_status_old"`);
    await q.query(`DROP TYPE "public"."invoice_line_status"`);
    await q.query(`ALTER TYPE "public"."invoice_line_status_old" RENAME TO "invoice_line_status"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "resolved_at"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "resolved_by"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "resolution_reason"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "resolution"`);
    await q.query(`DROP TYPE "public"."invoice_line_resolution"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "disputed_at"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "disputed_by"`);
    await q.query(`ALTER TABLE "invoice_line" DROP COLUMN "dispute_reason"`);
  }
}
