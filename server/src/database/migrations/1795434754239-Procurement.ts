import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Procurement1795434754239 implements MigrationInterface {
  name = 'Procurement1795434754239';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."round_category" AS ENUM('PLACEMENT', 'TRANSPORT', 'SUPERVISED_CONTACT')`);
    await q.query(`CREATE TYPE "public"."round_status" AS ENUM('DRAFT', 'OPEN', 'CLOSED', 'AWARDED', 'WITHDRAWN')`);
    await q.query(`CREATE TABLE "procurement_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "reference" character varying(50) NOT NULL, "title" character varying(200) COLLATE "natural_sort" NOT NULL, "category" "public"."round_category" NOT NULL, "stored_status" "public"."round_status" NOT NULL DEFAULT 'DRAFT', "child_reference" character varying(50), "placement_type" "public"."placement_type", "need_level" "public"."need_level", "child_age" integer, "start_date" date, "end_date" date, "postcode" character varying(8), "latitude" numeric(9,6), "longitude" numeric(9,6), "radius_miles" integer, "need_description" text, "closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "quality_weight" integer NOT NULL DEFAULT '60', "price_weight" integer NOT NULL DEFAULT '40', "scoring_matrix" jsonb NOT NULL, "owner_id" uuid, "awarded_bid_id" uuid, "contract_id" uuid, "withdrawn_reason" text, CONSTRAINT "pk_procurement_round" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_procurement_round_status" ON "procurement_round"  ("stored_status", "closes_at") `);
    await q.query(`CREATE UNIQUE INDEX "uq_procurement_round_reference" ON "procurement_round"  ("reference") `);
    await q.query(`CREATE TABLE "procurement_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "distance_miles" numeric(8,2), "invited_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_procurement_invitation" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_procurement_invitation_provider_id" ON "procurement_invitation"  ("provider_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_procurement_invitation" ON "procurement_invitation"  ("round_id", "provider_id") `);
    await q.query(`CREATE TABLE "bid" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "round_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "amount" bigint NOT NULL, "quality_marks" jsonb NOT NULL DEFAULT '[]', "notes" text, "submitted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "pk_bid" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_bid_provider_id" ON "bid"  ("provider_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_bid_round_provider" ON "bid"  ("round_id", "provider_id") `);
    await q.query(`ALTER TABLE "procurement_invitation" ADD CONSTRAINT "fk_procurement_invitation_round_id" FOREIGN KEY ("round_id") REFERENCES "procurement_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "procurement_invitation" ADD CONSTRAINT "fk_procurement_invitation_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "bid" ADD CONSTRAINT "fk_bid_round_id" FOREIGN KEY ("round_id") REFERENCES "procurement_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "bid" ADD CONSTRAINT "fk_bid_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bid" DROP CONSTRAINT "fk_bid_provider_id"`);
    await q.query(`ALTER TABLE "bid" DROP CONSTRAINT "fk_bid_round_id"`);
    await q.query(`ALTER TABLE "procurement_invitation" DROP CONSTRAINT "fk_procurement_invitation_provider_id"`);
    await q.query(`ALTER TABLE "procurement_invitation" DROP CONSTRAINT "fk_procurement_invitation_round_id"`);
    await q.query(`DROP INDEX "public"."uq_bid_round_provider"`);
    await q.query(`DROP INDEX "public"."ix_bid_provider_id"`);
    await q.query(`DROP TABLE "bid"`);
    await q.query(`DROP INDEX "public"."uq_procurement_invitation"`);
    await q.query(`DROP INDEX "public"."ix_procurement_invitation_provider_id"`);
    await q.query(`DROP TABLE "procurement_invitation"`);
    await q.query(`DROP INDEX "public"."uq_procurement_round_reference"`);
    await q.query(`DROP INDEX "public"."ix_procurement_round_status"`);
    await q.query(`DROP TABLE "procurement_round"`);
    await q.query(`DROP TYPE "public"."round_status"`);
    await q.query(`DROP TYPE "public"."round_category"`);
  }
}
