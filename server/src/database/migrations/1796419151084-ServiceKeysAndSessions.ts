import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceKeysAndSessions1796419151084 implements MigrationInterface {
  name = 'ServiceKeysAndSessions1796419151084';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "refresh_hash" character varying(64) NOT NULL, "previous_refresh_hash" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "refreshed_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_reason" character varying(32), CONSTRAINT "pk_user_session" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_user_session_user" ON "user_session"  ("user_id") `);
    await q.query(`ALTER TABLE "user_account" ADD "password_changed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await q.query(`CREATE TYPE "public"."api_key_scope" AS ENUM('PROVIDERS_READ', 'PROVIDERS_WRITE', 'AGREEMENTS_READ', 'AGREEMENTS_WRITE', 'CONTRACTS_READ', 'CONTRACTS_WRITE', 'PLACEMENTS_READ', 'PLACEMENTS_WRITE', 'TRANSPORT_READ', 'TRANSPORT_WRITE', 'CONTACT_READ', 'CONTACT_WRITE', 'INVOICES_READ', 'INVOICES_WRITE', 'BUDGETS_READ', 'BUDGETS_WRITE', 'ANALYTICS_READ', 'ANALYTICS_WRITE')`);
    // Keys made before scopes keep what they could do (read everything but placements) and get a year.
    await q.query(`ALTER TABLE "api_key" ADD "scopes" "public"."api_key_scope" array NOT NULL DEFAULT '{PROVIDERS_READ,AGREEMENTS_READ,CONTRACTS_READ,TRANSPORT_READ,CONTACT_READ,INVOICES_READ,BUDGETS_READ,ANALYTICS_READ}'`);
    await q.query(`ALTER TABLE "api_key" ALTER COLUMN "scopes" DROP DEFAULT`);
    await q.query(`ALTER TABLE "api_key" ADD "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now() + interval '365 days'`);
    await q.query(`ALTER TABLE "api_key" ALTER COLUMN "expires_at" DROP DEFAULT`);
    await q.query(`ALTER TABLE "api_key" ADD "rotated_at" TIMESTAMP(3) WITH TIME ZONE`);
    await q.query(`ALTER TABLE "api_key" ADD "last_used_at" TIMESTAMP(3) WITH TIME ZONE`);
    await q.query(`ALTER TYPE "public"."audit_action" ADD VALUE 'REQUEST'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."audit_action_old" AS ENUM('CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE', 'DELETE')`);
    await q.query(`ALTER TABLE "audit_event" ALTER COLUMN "action" TYPE "public"."audit_action_old" USING "action"::"text"::"public"."audit_action_old"`);
    await q.query(`DROP TYPE "public"."audit_action"`);
    await q.query(`ALTER TYPE "public"."audit_action_old" RENAME TO "audit_action"`);
    await q.query(`ALTER TABLE "api_key" DROP COLUMN "last_used_at"`);
    await q.query(`ALTER TABLE "api_key" DROP COLUMN "rotated_at"`);
    await q.query(`ALTER TABLE "api_key" DROP COLUMN "expires_at"`);
    await q.query(`ALTER TABLE "api_key" DROP COLUMN "scopes"`);
    await q.query(`DROP TYPE "public"."api_key_scope"`);
    await q.query(`ALTER TABLE "user_account" DROP COLUMN "password_changed_at"`);
    await q.query(`DROP INDEX "public"."ix_user_session_user"`);
    await q.query(`DROP TABLE "user_session"`);
  }
}
