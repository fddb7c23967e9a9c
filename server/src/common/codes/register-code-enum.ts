import { registerEnumType } from 'type-graphql';

/**
 * Registers a TypeScript string enum as a GraphQL enum whose values carry their official
 * descriptions, so the SDL documents every code.
 */
export function registerCodeEnum<T extends Record<string, string>>(
  values: T,
  name: string,
  description: string,
  descriptions: { [K in keyof T]: string },
): void {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.keys(values).map((key) => [key, { description: descriptions[key as keyof T] }]),
    ) as never,
  });
}
