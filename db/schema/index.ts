export * from './clients';
export * from './debt';
export * from './billing';
export * from './sla';
export * from './documents';
export * from './audit';
