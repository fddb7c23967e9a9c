import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommissioningCore1795434417217 implements MigrationInterface {
  name = 'CommissioningCore1795434417217';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."agreement_status" AS ENUM('DRAFT', 'NEGOTIATING', 'ACTIVE', 'EXPIRED', 'TERMINATED')`);
    await q.query(`CREATE TYPE "public"."uplift_rule" AS ENUM('NONE', 'FIXED_PERCENT', 'INDEX_LINKED')`);
    await q.query(`CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "provider_id" uuid NOT NULL, "authority_id" uuid NOT NULL, "title" character varying(200) COLLATE "natural_sort" NOT NULL, "reference" character varying(50) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" "public"."agreement_status" NOT NULL DEFAULT 'DRAFT', "tier" integer, "discount_percent" integer NOT NULL DEFAULT '0', "uplift_rule" "public"."uplift_rule" NOT NULL DEFAULT 'NONE', "uplift_percent" integer, "uplift_index" character varying(40), "volume_commitment" integer, "minimum_ofsted_rating" "public"."ofsted_rating", "documents" jsonb NOT NULL DEFAULT '[]', "notes" text, CONSTRAINT "pk_agreement" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_agreement_status" ON "agreement"  ("status") `);
    await q.query(`CREATE INDEX "ix_agreement_authority_id" ON "agreement"  ("authority_id") `);
    await q.query(`CREATE INDEX "ix_agreement_provider_id" ON "agreement"  ("provider_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_agreement_reference" ON "agreement"  ("reference") `);
    await q.query(`CREATE TYPE "public"."placement_type" AS ENUM('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'K1', 'K2', 'K3', 'H5', 'R1', 'R2', 'R3', 'R5', 'S1', 'P1', 'P2', 'P3', 'A3', 'A4', 'A5', 'A6', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1')`);
    await q.query(`CREATE TYPE "public"."need_level" AS ENUM('STANDARD', 'ENHANCED', 'COMPLEX', 'PARENT_AND_CHILD', 'SOLO')`);
    await q.query(`CREATE TABLE "rate_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "agreement_id" uuid NOT NULL, "placement_type" "public"."placement_type" NOT NULL, "need_level" "public"."need_level" NOT NULL, "min_age" integer NOT NULL, "max_age" integer NOT NULL, "weekly_fee" bigint NOT NULL, "effective_from" date NOT NULL, CONSTRAINT "pk_rate_line" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_rate_line_lookup" ON "rate_line"  ("agreement_id", "placement_type", "need_level", "effective_from") `);
    await q.query(`CREATE TYPE "public"."contract_kind" AS ENUM('CALL_OFF', 'SPOT', 'BLOCK', 'TRANSPORT', 'SUPERVISED_CONTACT')`);
    await q.query(`CREATE TYPE "public"."contract_status" AS ENUM('DRAFT', 'AWAITING_SIGNATURE', 'LIVE', 'ENDED', 'TERMINATED')`);
    await q.query(`CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."contract_kind" NOT NULL, "provider_id" uuid NOT NULL, "agreement_id" uuid, "owner_id" uuid, "reference" character varying(50) NOT NULL, "title" character varying(200) COLLATE "natural_sort" NOT NULL, "status" "public"."contract_status" NOT NULL DEFAULT 'DRAFT', "start_date" date NOT NULL, "end_date" date, "extension_options" character varying(200), "notice_period_days" integer NOT NULL DEFAULT '28', "ceiling_value" bigint, "block_places" integer, "weekly_fee" bigint, "placement_type" "public"."placement_type", "need_level" "public"."need_level", "child_age_at_start" integer, "card_weekly_fee" bigint, "fee_above_card_reason" text, "review_date" date, "notes" text, CONSTRAINT "pk_contract" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_contract_review_date" ON "contract"  ("review_date") `);
    await q.query(`CREATE INDEX "ix_contract_status_end_date" ON "contract"  ("status", "end_date") `);
    await q.query(`CREATE INDEX "ix_contract_owner_id" ON "contract"  ("owner_id") `);
    await q.query(`CREATE INDEX "ix_contract_agreement_id" ON "contract"  ("agreement_id") `);
    await q.query(`CREATE INDEX "ix_contract_provider_id" ON "contract"  ("provider_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_contract_reference" ON "contract"  ("reference") `);
    await q.query(`CREATE TYPE "public"."negotiation_status" AS ENUM('OPEN', 'AGREED', 'ABANDONED')`);
    await q.query(`CREATE TABLE "negotiation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "contract_id" uuid, "rate_line_id" uuid, "status" "public"."negotiation_status" NOT NULL DEFAULT 'OPEN', "agreed" bigint, "closed_on" date, "closing_note" text, CONSTRAINT "ck_negotiation_one_target" CHECK (("contract_id" IS NULL) <> ("rate_line_id" IS NULL)), CONSTRAINT "pk_negotiation" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_negotiation_open_rate_line" ON "negotiation"  ("rate_line_id") WHERE "status" = 'OPEN' AND "rate_line_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_negotiation_open_contract" ON "negotiation"  ("contract_id") WHERE "status" = 'OPEN' AND "contract_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "ix_negotiation_rate_line_id" ON "negotiation"  ("rate_line_id") `);
    await q.query(`CREATE INDEX "ix_negotiation_contract_id" ON "negotiation"  ("contract_id") `);
    await q.query(`CREATE TYPE "public"."offer_party" AS ENUM('PROVIDER', 'AUTHORITY')`);
    await q.query(`CREATE TABLE "negotiation_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "negotiation_id" uuid NOT NULL, "sequence" integer NOT NULL, "offered_on" date NOT NULL, "party" "public"."offer_party" NOT NULL, "amount" bigint NOT NULL, "note" text, "officer_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_negotiation_offer" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_negotiation_offer_sequence" ON "negotiation_offer"  ("negotiation_id", "sequence") `);
    await q.query(`ALTER TABLE "agreement" ADD CONSTRAINT "fk_agreement_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "agreement" ADD CONSTRAINT "fk_agreement_authority_id" FOREIGN KEY ("authority_id") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "rate_line" ADD CONSTRAINT "fk_rate_line_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_owner_id" FOREIGN KEY ("owner_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "negotiation" ADD CONSTRAINT "fk_negotiation_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "negotiation" ADD CONSTRAINT "fk_negotiation_rate_line_id" FOREIGN KEY ("rate_line_id") REFERENCES "rate_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "negotiation_offer" ADD CONSTRAINT "fk_negotiation_offer_negotiation_id" FOREIGN KEY ("negotiation_id") REFERENCES "negotiation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "negotiation_offer" DROP CONSTRAINT "fk_negotiation_offer_negotiation_id"`);
    await q.query(`ALTER TABLE "negotiation" DROP CONSTRAINT "fk_negotiation_rate_line_id"`);
    await q.query(`ALTER TABLE "negotiation" DROP CONSTRAINT "fk_negotiation_contract_id"`);
    await q.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_owner_id"`);
    await q.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_agreement_id"`);
    await q.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_provider_id"`);
    await q.query(`ALTER TABLE "rate_line" DROP CONSTRAINT "fk_rate_line_agreement_id"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "fk_agreement_authority_id"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "fk_agreement_provider_id"`);
    await q.query(`DROP INDEX "public"."uq_negotiation_offer_sequence"`);
    await q.query(`DROP TABLE "negotiation_offer"`);
    await q.query(`DROP TYPE "public"."offer_party"`);
    await q.query(`DROP INDEX "public"."ix_negotiation_contract_id"`);
    await q.query(`DROP INDEX "public"."ix_negotiation_rate_line_id"`);
    await q.query(`DROP INDEX "public"."uq_negotiation_open_contract"`);
    await q.query(`DROP INDEX "public"."uq_negotiation_open_rate_line"`);
    await q.query(`DROP TABLE "negotiation"`);
    await q.query(`DROP TYPE "public"."negotiation_status"`);
    await q.query(`DROP INDEX "public"."uq_contract_reference"`);
    await q.query(`DROP INDEX "public"."ix_contract_provider_id"`);
    await q.query(`DROP INDEX "public"."ix_contract_agreement_id"`);
    await q.query(`DROP INDEX "public"."ix_contract_owner_id"`);
    await q.query(`DROP INDEX "public"."ix_contract_status_end_date"`);
    await q.query(`DROP INDEX "public"."ix_contract_review_date"`);
    await q.query(`DROP TABLE "contract"`);
    await q.query(`DROP TYPE "public"."contract_status"`);
    await q.query(`DROP TYPE "public"."contract_kind"`);
    await q.query(`DROP INDEX "public"."ix_rate_line_lookup"`);
    await q.query(`DROP TABLE "rate_line"`);
    await q.query(`DROP TYPE "public"."need_level"`);
    await q.query(`DROP TYPE "public"."placement_type"`);
    await q.query(`DROP INDEX "public"."uq_agreement_reference"`);
    await q.query(`DROP INDEX "public"."ix_agreement_provider_id"`);
    await q.query(`DROP INDEX "public"."ix_agreement_authority_id"`);
    await q.query(`DROP INDEX "public"."ix_agreement_status"`);
    await q.query(`DROP TABLE "agreement"`);
    await q.query(`DROP TYPE "public"."uplift_rule"`);
    await q.query(`DROP TYPE "public"."agreement_status"`);
  }
}
