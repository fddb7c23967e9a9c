import { Extensions } from 'type-graphql';
import type { Access, OperationDomain } from '../modules/user/api-key-scope';

/** What a query, mutation or field resolver declares about itself, read by the key checker (scope-check.ts). */
export interface FieldScope {
  domain: OperationDomain;
  /** Left out: a mutation writes, everything else reads. */
  access?: Access;
}

export const SCOPE_EXTENSION = 'scope';

const overridden = new WeakMap<object, Set<string>>();

function methodNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let p = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(p, name)?.value === 'function') names.add(name);
    }
  }
  return [...names];
}

/**
 * The domain (and, on a method, read or write) of a resolver's operations: on the class it
 * covers every query, mutation and field resolver in it; on a method it overrides the class.
 * API keys are checked against it (scope-check.ts); a schema test proves every root field has one.
 */
export function Scoped(domain: OperationDomain, access?: Access) {
  return (target: object, propertyKey?: string | symbol): void => {
    if (propertyKey !== undefined) {
      const names = overridden.get(target) ?? new Set<string>();
      names.add(String(propertyKey));
      overridden.set(target, names);
      Extensions({ [SCOPE_EXTENSION]: { domain, access } satisfies FieldScope })(target, String(propertyKey), undefined as never);
      return;
    }
    const prototype = (target as { prototype: object }).prototype;
    const own = overridden.get(prototype) ?? new Set<string>();
    for (const name of methodNames(prototype)) {
      if (!own.has(name)) Extensions({ [SCOPE_EXTENSION]: { domain } satisfies FieldScope })(prototype, name, undefined as never);
    }
  };
}
