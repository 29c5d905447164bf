/** Public API of the progression area (domain §9). */
export * from './compare';
export * from './json';
export * from './cohort';
export * from './cohort-json';
