/** Public API of the statistics helpers. */
export * from './share';
export * from './mean';
export * from './suppress';
export * from './suppress-table';
export * from './group-by';
export * from './indicators';
