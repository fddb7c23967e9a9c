import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  CONTRACT_OFFICER = 'CONTRACT_OFFICER',
  FINANCE = 'FINANCE',
  ANALYST = 'ANALYST',
  SERVICE = 'SERVICE',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesConfig: {
    ADMIN: { description: 'Manages users and everything else.' },
    CONTRACT_OFFICER: { description: 'Keeps the provider register, agreements and contracts; negotiates fees; checks invoices.' },
    FINANCE: { description: 'Watches spend against budget; approves and pays invoices.' },
    ANALYST: { description: 'Reads everything but child-identifying fields; changes nothing.' },
    SERVICE: { description: 'Another system, calling the API with its own credentials.' },
  },
});

/** Roles that may change the commissioning records (providers, settings, authorities). */
export const EDITORS = [Role.ADMIN, Role.CONTRACT_OFFICER] as const;
/** Roles that work with individual children's placements and may read child records. */
export const CHILD_READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE] as const;

/** Records whose trail (audit events, the change feed) only the roles that read children see. */
export const CHILD_RECORD_TYPES = ['Child'];

export const mayReadChildren = (role: Role): boolean => (CHILD_READERS as readonly Role[]).includes(role);
