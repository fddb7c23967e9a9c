/// <reference types="vite/client" />

declare module 'virtual:placewise-introspection' {
  import type { IntrospectionSchema } from 'graphql';
  const schema: IntrospectionSchema;
  export default schema;
}
