export * from './apiError';
export * from './health';
export * from './memberApp';
