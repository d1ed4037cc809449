import { Store } from '../stores/Store';

/** Every TypeORM entity of the server. */
export const ENTITIES = [Store];
