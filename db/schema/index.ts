export * from './clients';
export * from './debt';
