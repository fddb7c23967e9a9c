import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1795436879136 implements MigrationInterface {
  name = 'ApiKeys1795436879136';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "secret_hash" character varying(64) NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "pk_api_key" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_api_key_created_by" ON "api_key"  ("created_by_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_api_key_created_by"`);
    await q.query(`DROP TABLE "api_key"`);
  }
}
