export * from './errors';
export * from './common';
export * from './app';
export * from './clients';
export * from './debt';
export * from './contract';
export * from './transport';
