import { CreateStores1763800000000 } from './1763800000000-CreateStores';

/**
 * Every migration, oldest first. Listed here (not globbed) so that the same list works
 * from TypeScript sources in tests and from the compiled build.
 */
export const MIGRATIONS = [CreateStores1763800000000];
