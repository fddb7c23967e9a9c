import type { EntityManager } from 'typeorm';
import { haversineMiles, haversineSql } from '../../common/geo';

interface Point {
  latitude: number | null;
  longitude: number | null;
}

/** Miles from home to setting, to two places; null when either point is not known. */
export function distanceMiles(home: Point | null, setting: Point | null): number | null {
  if (!home || !setting || home.latitude === null || home.longitude === null || setting.latitude === null || setting.longitude === null) return null;
  return Math.round(haversineMiles(home.latitude, home.longitude, setting.latitude, setting.longitude) * 100) / 100;
}

/** After a child's home moves, every placement's distance is worked out again, in one statement. */
export async function refreshDistancesOfChild(tx: EntityManager, childId: string): Promise<void> {
  await tx.query(
    `UPDATE "placement" "p" SET "distance_miles" = round((${haversineSql('"c"."home_latitude"', '"c"."home_longitude"', '"s"."latitude"', '"s"."longitude"')})::numeric, 2)
     FROM "child" "c", "setting" "s"
     WHERE "p"."child_id" = $1 AND "c"."id" = "p"."child_id" AND "s"."id" = "p"."setting_id"`,
    [childId],
  );
}
