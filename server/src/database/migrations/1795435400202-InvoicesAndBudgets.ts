import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvoicesAndBudgets1795435400202 implements MigrationInterface {
  name = 'InvoicesAndBudgets1795435400202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."section251_category" AS ENUM('RESIDENTIAL_CARE', 'FOSTERING_OWN_CARERS', 'FOSTERING_SERVICES', 'OTHER_LOOKED_AFTER', 'SHORT_BREAKS', 'FAMILY_AND_FRIENDS', 'EDUCATION', 'LEAVING_CARE', 'ASYLUM_SEEKERS', 'ADOPTION', 'SPECIAL_GUARDIANSHIP')`);
    await q.query(`CREATE TYPE "public"."budget_stage" AS ENUM('ORIGINAL', 'REVISED')`);
    await q.query(`CREATE TABLE "budget_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "financial_year" integer NOT NULL, "category" "public"."section251_category" NOT NULL, "locality_id" uuid, "stage" "public"."budget_stage" NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "pk_budget_line" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_budget_line_authority" ON "budget_line"  ("financial_year", "category", "stage") WHERE "locality_id" IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_budget_line" ON "budget_line"  ("financial_year", "category", "locality_id", "stage") WHERE "locality_id" IS NOT NULL`);
    await q.query(`CREATE TYPE "public"."invoice_status" AS ENUM('RECEIVED', 'MATCHED', 'DISPUTED', 'APPROVED', 'PAID')`);
    await q.query(`CREATE TABLE "invoice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "provider_id" uuid NOT NULL, "reference" character varying(60) NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "received_date" date NOT NULL, "status" "public"."invoice_status" NOT NULL DEFAULT 'RECEIVED', "approval_reason" text, "paid_date" date, CONSTRAINT "pk_invoice" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_invoice_status" ON "invoice"  ("status") `);
    await q.query(`CREATE UNIQUE INDEX "uq_invoice_provider_reference" ON "invoice"  ("provider_id", "reference") `);
    await q.query(`CREATE TYPE "public"."invoice_line_status" AS ENUM('MATCHED', 'DISPUTED', 'APPROVED', 'PAID')`);
    await q.query(`CREATE TABLE "invoice_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "invoice_id" uuid NOT NULL, "line_number" integer NOT NULL, "placement_id" uuid, "description" character varying(300) NOT NULL, "from_date" date, "to_date" date, "nights" integer, "amount" bigint NOT NULL, "expected_amount" bigint, "status" "public"."invoice_line_status" NOT NULL, CONSTRAINT "pk_invoice_line" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_invoice_line_placement_id" ON "invoice_line"  ("placement_id", "from_date") `);
    await q.query(`CREATE UNIQUE INDEX "uq_invoice_line_number" ON "invoice_line"  ("invoice_id", "line_number") `);
    await q.query(`ALTER TABLE "budget_line" ADD CONSTRAINT "fk_budget_line_locality_id" FOREIGN KEY ("locality_id") REFERENCES "locality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "fk_invoice_line_invoice_id" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "fk_invoice_line_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "fk_invoice_line_placement_id"`);
    await q.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "fk_invoice_line_invoice_id"`);
    await q.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_provider_id"`);
    await q.query(`ALTER TABLE "budget_line" DROP CONSTRAINT "fk_budget_line_locality_id"`);
    await q.query(`DROP INDEX "public"."uq_invoice_line_number"`);
    await q.query(`DROP INDEX "public"."ix_invoice_line_placement_id"`);
    await q.query(`DROP TABLE "invoice_line"`);
    await q.query(`DROP TYPE "public"."invoice_line_status"`);
    await q.query(`DROP INDEX "public"."uq_invoice_provider_reference"`);
    await q.query(`DROP INDEX "public"."ix_invoice_status"`);
    await q.query(`DROP TABLE "invoice"`);
    await q.query(`DROP TYPE "public"."invoice_status"`);
    await q.query(`DROP INDEX "public"."uq_budget_line"`);
    await q.query(`DROP INDEX "public"."uq_budget_line_authority"`);
    await q.query(`DROP TABLE "budget_line"`);
    await q.query(`DROP TYPE "public"."budget_stage"`);
    await q.query(`DROP TYPE "public"."section251_category"`);
  }
}
