import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildrenAndPlacements1795435139603 implements MigrationInterface {
  name = 'ChildrenAndPlacements1795435139603';

  async up(q: QueryRunner): Promise<void> {
    // The overlap rule on placements is an exclusion constraint on (child, dates): it needs btree_gist (a trusted extension).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE TYPE "public"."gender" AS ENUM('MALE', 'FEMALE', 'OTHER', 'NOT_STATED')`);
    await q.query(`CREATE TYPE "public"."legal_status" AS ENUM('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3')`);
    await q.query(`CREATE TABLE "child" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "case_reference" character varying(50) NOT NULL, "initials" character varying(4) NOT NULL, "date_of_birth" date NOT NULL, "gender" "public"."gender" NOT NULL, "legal_status" "public"."legal_status", "locality_id" uuid, "home_postcode" character varying(8), "home_latitude" numeric(9,6), "home_longitude" numeric(9,6), "uasc" boolean NOT NULL DEFAULT false, CONSTRAINT "pk_child" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_child_locality_id" ON "child"  ("locality_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_child_case_reference" ON "child"  ("case_reference") `);
    await q.query(`CREATE TYPE "public"."reason_ended" AS ENUM('E11', 'E12', 'E13', 'E2', 'E3', 'E4A', 'E4B', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1')`);
    await q.query(`CREATE TYPE "public"."reason_for_change" AS ENUM('CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER')`);
    await q.query(`CREATE TABLE "placement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "child_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "setting_id" uuid, "contract_id" uuid, "placement_type" "public"."placement_type" NOT NULL, "provider_code" "public"."placement_provider_code" NOT NULL, "start_date" date NOT NULL, "planned_end_date" date, "end_date" date, "end_reason" "public"."reason_ended", "change_reason" "public"."reason_for_change", "distance_miles" numeric(8,2), CONSTRAINT "ex_placement_child_overlap" EXCLUDE USING gist ("child_id" WITH =, daterange("start_date", "end_date") WITH &&) WHERE ("placement_type" NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')), CONSTRAINT "pk_placement" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_placement_dates" ON "placement"  ("start_date", "end_date") `);
    await q.query(`CREATE INDEX "ix_placement_contract_id" ON "placement"  ("contract_id") `);
    await q.query(`CREATE INDEX "ix_placement_setting_id" ON "placement"  ("setting_id") `);
    await q.query(`CREATE INDEX "ix_placement_provider_id" ON "placement"  ("provider_id") `);
    await q.query(`CREATE INDEX "ix_placement_child_id" ON "placement"  ("child_id", "start_date") `);
    await q.query(`CREATE TABLE "placement_fee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "weekly_fee" bigint NOT NULL, "effective_from" date NOT NULL, "reason" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_placement_fee" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_placement_fee_date" ON "placement_fee"  ("placement_id", "effective_from") `);
    await q.query(`CREATE TYPE "public"."service_charge" AS ENUM('WEEKLY', 'ONE_OFF')`);
    await q.query(`CREATE TABLE "additional_service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "placement_id" uuid NOT NULL, "description" character varying(200) NOT NULL, "charge" "public"."service_charge" NOT NULL, "amount" bigint NOT NULL, "start_date" date NOT NULL, "end_date" date, CONSTRAINT "pk_additional_service" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_additional_service_placement_id" ON "additional_service"  ("placement_id") `);
    await q.query(`ALTER TABLE "child" ADD CONSTRAINT "fk_child_locality_id" FOREIGN KEY ("locality_id") REFERENCES "locality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "placement" ADD CONSTRAINT "fk_placement_child_id" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "placement" ADD CONSTRAINT "fk_placement_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "placement" ADD CONSTRAINT "fk_placement_setting_id" FOREIGN KEY ("setting_id") REFERENCES "setting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "placement" ADD CONSTRAINT "fk_placement_contract_id" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "placement_fee" ADD CONSTRAINT "fk_placement_fee_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "additional_service" ADD CONSTRAINT "fk_additional_service_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "additional_service" DROP CONSTRAINT "fk_additional_service_placement_id"`);
    await q.query(`ALTER TABLE "placement_fee" DROP CONSTRAINT "fk_placement_fee_placement_id"`);
    await q.query(`ALTER TABLE "placement" DROP CONSTRAINT "fk_placement_contract_id"`);
    await q.query(`ALTER TABLE "placement" DROP CONSTRAINT "fk_placement_setting_id"`);
    await q.query(`ALTER TABLE "placement" DROP CONSTRAINT "fk_placement_provider_id"`);
    await q.query(`ALTER TABLE "placement" DROP CONSTRAINT "fk_placement_child_id"`);
    await q.query(`ALTER TABLE "child" DROP CONSTRAINT "fk_child_locality_id"`);
    await q.query(`DROP INDEX "public"."ix_additional_service_placement_id"`);
    await q.query(`DROP TABLE "additional_service"`);
    await q.query(`DROP TYPE "public"."service_charge"`);
    await q.query(`DROP INDEX "public"."uq_placement_fee_date"`);
    await q.query(`DROP TABLE "placement_fee"`);
    await q.query(`DROP INDEX "public"."ix_placement_child_id"`);
    await q.query(`DROP INDEX "public"."ix_placement_provider_id"`);
    await q.query(`DROP INDEX "public"."ix_placement_setting_id"`);
    await q.query(`DROP INDEX "public"."ix_placement_contract_id"`);
    await q.query(`DROP INDEX "public"."ix_placement_dates"`);
    await q.query(`DROP TABLE "placement"`);
    await q.query(`DROP TYPE "public"."reason_for_change"`);
    await q.query(`DROP TYPE "public"."reason_ended"`);
    await q.query(`DROP INDEX "public"."uq_child_case_reference"`);
    await q.query(`DROP INDEX "public"."ix_child_locality_id"`);
    await q.query(`DROP TABLE "child"`);
    await q.query(`DROP TYPE "public"."legal_status"`);
    await q.query(`DROP TYPE "public"."gender"`);
  }
}
