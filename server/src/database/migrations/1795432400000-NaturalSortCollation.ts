import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_NATURAL_SORT, NATURAL_SORT } from '../collation';

/** Name columns use this collation, so it must exist before the tables. */
export class NaturalSortCollation1795432400000 implements MigrationInterface {
  name = 'NaturalSortCollation1795432400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(CREATE_NATURAL_SORT);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP COLLATION IF EXISTS "${NATURAL_SORT}"`);
  }
}
