import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeFeed1796422279327 implements MigrationInterface {
  name = 'ChangeFeed1796422279327';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "change_event" ("transaction_id" bigint NOT NULL, "sequence" BIGSERIAL NOT NULL, "type" character varying(64) NOT NULL, "entity_id" uuid NOT NULL, "version" integer, "operation" "public"."audit_action" NOT NULL, "changed_fields" text array NOT NULL, "actor_id" uuid, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_change_event" PRIMARY KEY ("sequence"))`);
    await q.query(`CREATE INDEX "ix_change_event_position" ON "change_event"  ("transaction_id", "sequence") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_change_event_position"`);
    await q.query(`DROP TABLE "change_event"`);
  }
}
