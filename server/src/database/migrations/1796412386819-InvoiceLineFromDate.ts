import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvoiceLineFromDate1796412386819 implements MigrationInterface {
  name = 'InvoiceLineFromDate1796412386819';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_invoice_line_from_date" ON "invoice_line"  ("from_date") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_invoice_line_from_date"`);
  }
}
