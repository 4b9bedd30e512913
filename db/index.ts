export * from './errors';
export * from './open';
export * from './migrate';
export * from './backup';
export * from './dependents';
export * as schema from './schema';
export * from './repositories/clients';
export * from './repositories/debt';
