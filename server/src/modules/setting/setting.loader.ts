import { loaderById, loaderByParent } from '../../common/loaders';
import type { GraphQLContext } from '../../graphql/context';
import { Setting } from './setting.entity';

/** The live settings of many providers in one query. */
export const settingsOfProvider = (ctx: GraphQLContext) =>
  loaderByParent(ctx, Setting, 'Setting', 'providerId', { hideArchived: true, order: { name: 'ASC', id: 'ASC' } });

export const settingById = (ctx: GraphQLContext) => loaderById(ctx, Setting, 'Setting');
