/** Public API of the statistics helpers. */
export * from './suppress';
export * from './indicators';
