import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795432763072 implements MigrationInterface {
  name = 'Initial1795432763072';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."audit_action" AS ENUM('CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE', 'DELETE')`);
    await q.query(`CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" character varying(254) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" uuid NOT NULL, "action" "public"."audit_action" NOT NULL, "changes" jsonb NOT NULL, "request_id" character varying(64), CONSTRAINT "pk_audit_event" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_audit_event_occurred_at" ON "audit_event"  ("occurred_at") `);
    await q.query(`CREATE INDEX "ix_audit_event_actor" ON "audit_event"  ("actor_id", "occurred_at") `);
    await q.query(`CREATE INDEX "ix_audit_event_entity" ON "audit_event"  ("entity_type", "entity_id", "occurred_at") `);
    await q.query(`CREATE TABLE "authority" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) COLLATE "natural_sort" NOT NULL, "ons_code" character varying(9) NOT NULL, CONSTRAINT "pk_authority" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_authority_ons_code" ON "authority"  ("ons_code") `);
    await q.query(`CREATE TABLE "locality" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "authority_id" uuid NOT NULL, "name" character varying(200) COLLATE "natural_sort" NOT NULL, "code" character varying(32), CONSTRAINT "pk_locality" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_locality_authority_name" ON "locality"  ("authority_id", "name") `);
    await q.query(`CREATE TYPE "public"."placement_provider_code" AS ENUM('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5')`);
    await q.query(`CREATE TYPE "public"."provider_status" AS ENUM('ACTIVE', 'SUSPENDED', 'EXITED')`);
    await q.query(`CREATE TABLE "provider" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP(3) WITH TIME ZONE, "legal_name" character varying(200) COLLATE "natural_sort" NOT NULL, "trading_name" character varying(200) COLLATE "natural_sort", "company_number" character varying(8), "charity_number" character varying(12), "provider_code" "public"."placement_provider_code" NOT NULL, "service_categories" text array NOT NULL DEFAULT '{}', "contacts" jsonb NOT NULL DEFAULT '[]', "status" "public"."provider_status" NOT NULL DEFAULT 'ACTIVE', "notes" text, CONSTRAINT "ck_provider_service_categories" CHECK (service_categories <@ ARRAY['FOSTERING','RESIDENTIAL','SUPPORTED_ACCOMMODATION','TRANSPORT','SUPERVISED_CONTACT','EDUCATION']::text[]), CONSTRAINT "pk_provider" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_provider_provider_code" ON "provider"  ("provider_code") `);
    await q.query(`CREATE INDEX "ix_provider_status" ON "provider"  ("status") `);
    await q.query(`CREATE INDEX "ix_provider_legal_name" ON "provider"  ("legal_name") `);
    await q.query(`CREATE TYPE "public"."setting_kind" AS ENUM('CHILDRENS_HOME', 'FOSTERING_AGENCY_OFFICE', 'SUPPORTED_ACCOMMODATION', 'TRANSPORT_DEPOT', 'CONTACT_CENTRE')`);
    await q.query(`CREATE TYPE "public"."ofsted_rating" AS ENUM('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE', 'NOT_YET_INSPECTED')`);
    await q.query(`CREATE TABLE "setting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP(3) WITH TIME ZONE, "provider_id" uuid NOT NULL, "name" character varying(200) COLLATE "natural_sort" NOT NULL, "kind" "public"."setting_kind" NOT NULL, "ofsted_urn" character varying(8), "ofsted_rating" "public"."ofsted_rating", "inspection_date" date, "registered_places" integer, "postcode" character varying(8), "latitude" numeric(9,6), "longitude" numeric(9,6), "locality_id" uuid, CONSTRAINT "pk_setting" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_setting_ofsted_urn" ON "setting"  ("ofsted_urn") `);
    await q.query(`CREATE INDEX "ix_setting_ofsted_rating" ON "setting"  ("ofsted_rating") `);
    await q.query(`CREATE INDEX "ix_setting_locality_id" ON "setting"  ("locality_id") `);
    await q.query(`CREATE INDEX "ix_setting_provider_id" ON "setting"  ("provider_id") `);
    await q.query(`CREATE TABLE "system_secret" ("name" character varying(64) NOT NULL, "value" text NOT NULL, CONSTRAINT "pk_system_secret" PRIMARY KEY ("name"))`);
    await q.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'CONTRACT_OFFICER', 'FINANCE', 'ANALYST', 'SERVICE')`);
    await q.query(`CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "display_name" character varying(200) COLLATE "natural_sort" NOT NULL, "role" "public"."user_role" NOT NULL, "active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP(3) WITH TIME ZONE, "password_hash" character varying(255) NOT NULL, CONSTRAINT "pk_user_account" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_user_account_email" ON "user_account"  ("email") `);
    await q.query(`ALTER TABLE "locality" ADD CONSTRAINT "fk_locality_authority_id" FOREIGN KEY ("authority_id") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "setting" ADD CONSTRAINT "fk_setting_provider_id" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "setting" ADD CONSTRAINT "fk_setting_locality_id" FOREIGN KEY ("locality_id") REFERENCES "locality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "setting" DROP CONSTRAINT "fk_setting_locality_id"`);
    await q.query(`ALTER TABLE "setting" DROP CONSTRAINT "fk_setting_provider_id"`);
    await q.query(`ALTER TABLE "locality" DROP CONSTRAINT "fk_locality_authority_id"`);
    await q.query(`DROP INDEX "public"."uq_user_account_email"`);
    await q.query(`DROP TABLE "user_account"`);
    await q.query(`DROP TYPE "public"."user_role"`);
    await q.query(`DROP TABLE "system_secret"`);
    await q.query(`DROP INDEX "public"."ix_setting_provider_id"`);
    await q.query(`DROP INDEX "public"."ix_setting_locality_id"`);
    await q.query(`DROP INDEX "public"."ix_setting_ofsted_rating"`);
    await q.query(`DROP INDEX "public"."uq_setting_ofsted_urn"`);
    await q.query(`DROP TABLE "setting"`);
    await q.query(`DROP TYPE "public"."ofsted_rating"`);
    await q.query(`DROP TYPE "public"."setting_kind"`);
    await q.query(`DROP INDEX "public"."ix_provider_legal_name"`);
    await q.query(`DROP INDEX "public"."ix_provider_status"`);
    await q.query(`DROP INDEX "public"."ix_provider_provider_code"`);
    await q.query(`DROP TABLE "provider"`);
    await q.query(`DROP TYPE "public"."provider_status"`);
    await q.query(`DROP TYPE "public"."placement_provider_code"`);
    await q.query(`DROP INDEX "public"."uq_locality_authority_name"`);
    await q.query(`DROP TABLE "locality"`);
    await q.query(`DROP INDEX "public"."uq_authority_ons_code"`);
    await q.query(`DROP TABLE "authority"`);
    await q.query(`DROP INDEX "public"."ix_audit_event_entity"`);
    await q.query(`DROP INDEX "public"."ix_audit_event_actor"`);
    await q.query(`DROP INDEX "public"."ix_audit_event_occurred_at"`);
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP TYPE "public"."audit_action"`);
  }
}
