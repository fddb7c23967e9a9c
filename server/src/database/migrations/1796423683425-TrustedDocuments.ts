import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrustedDocuments1796423683425 implements MigrationInterface {
  name = 'TrustedDocuments1796423683425';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "trusted_document" ("key_id" uuid NOT NULL, "sha256" character(64) NOT NULL, "document" text NOT NULL, "operation_name" character varying(200), "registered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_trusted_document" PRIMARY KEY ("key_id", "sha256"))`);
    await q.query(`CREATE INDEX "ix_trusted_document_sha256" ON "trusted_document"  ("sha256") `);
    await q.query(`CREATE TABLE "trusted_documents_only_key" ("key_id" uuid NOT NULL, "since" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_trusted_documents_only_key" PRIMARY KEY ("key_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "trusted_documents_only_key"`);
    await q.query(`DROP INDEX "public"."ix_trusted_document_sha256"`);
    await q.query(`DROP TABLE "trusted_document"`);
  }
}
