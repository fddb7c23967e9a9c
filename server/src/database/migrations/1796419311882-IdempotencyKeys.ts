import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1796419311882 implements MigrationInterface {
  name = 'IdempotencyKeys1796419311882';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotency_key" ("actor_id" uuid NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "claim_token" uuid NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committed" boolean NOT NULL DEFAULT false, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("actor_id", "key"))`);
    await q.query(`CREATE INDEX "ix_idempotency_key_created_at" ON "idempotency_key"  ("created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_idempotency_key_created_at"`);
    await q.query(`DROP TABLE "idempotency_key"`);
  }
}
