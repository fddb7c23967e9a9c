import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail is append-only: the database itself refuses to change or remove an event. */
export class AuditAppendOnly1795432763073 implements MigrationInterface {
  name = 'AuditAppendOnly1795432763073';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"()`,
    );
    await q.query(
      `CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_event_no_truncate" ON "audit_event"`);
    await q.query(`DROP TRIGGER "audit_event_no_update_or_delete" ON "audit_event"`);
    await q.query(`DROP FUNCTION "audit_event_is_append_only"()`);
  }
}
