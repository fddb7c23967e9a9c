import { Initial1795432447885 } from './1795432447885-Initial';

/** The migrations, in order. Generate the next with `npm run migration:generate -- Name`, review it, add it here. */
export const MIGRATIONS: Function[] = [Initial1795432447885];
