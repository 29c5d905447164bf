/** Public API of the survey area (domain §10). */
export * from './read';
export * from './indices';
export * from './json';
