import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What a pool says about itself (pg's Pool). */
export interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Operation names are chosen by clients: past this many distinct ones, new names count as "(other)". */
const MAX_OPERATION_NAMES = 500;

/**
 * The Prometheus metrics of one running API (its own registry, so several APIs in one process,
 * as in the tests, do not share counts): GraphQL operations by name, errors by code, the
 * database pool and statement latency, and Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();

  readonly operations = new Counter({
    name: 'placewise_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name and type (query, mutation).',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'placewise_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'placewise_graphql_errors_total',
    help: 'Errors in GraphQL answers, by error code (extensions.code) and operation name.',
    labelNames: ['code', 'operation'] as const,
    registers: [this.registry],
  });

  readonly queries = new Histogram({
    name: 'placewise_db_query_duration_seconds',
    help: 'Time PostgreSQL took to answer each SQL statement, by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });

  constructor(pool: () => PoolState | undefined) {
    new Gauge({
      name: 'placewise_db_pool_connections',
      help: 'Connections of the database pool: open in total, idle, and requests waiting for one; max is the pool size.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const state = pool();
        if (!state) return;
        this.set({ state: 'total' }, state.totalCount);
        this.set({ state: 'idle' }, state.idleCount);
        this.set({ state: 'in_use' }, state.totalCount - state.idleCount);
        this.set({ state: 'waiting' }, state.waitingCount);
        if (state.options?.max !== undefined) this.set({ state: 'max' }, state.options.max);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'placewise_' });
  }

  /** The label for a client-given operation name, bounded in number and shape. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!NAME.test(name)) return '(invalid)';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return '(other)';
    this.names.add(name);
    return name;
  }
}
