import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import type { Metrics, PoolState } from '../common/metrics';

/** Times every SQL statement the data source sends (TypeORM reports each after it is answered). */
export function recordQueryMetrics(db: DataSource, metrics: Metrics): void {
  const subscriber: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent) {
      if (event.executionTime !== undefined) metrics.queries.observe({ outcome: event.success ? 'ok' : 'failed' }, event.executionTime / 1000);
      else if (!event.success) metrics.queries.observe({ outcome: 'failed' }, 0);
    },
  };
  db.subscribers.push(subscriber);
}

/** The pg pool behind the data source, once it is initialised. */
export function poolOf(db: DataSource): PoolState | undefined {
  return (db.driver as unknown as { master?: PoolState }).master;
}
