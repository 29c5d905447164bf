/** Public API of the grades engine. */
export * from './scale';
export * from './rulesets';
export * from './eligibility';
export * from './merit';
export * from './evaluate';
export * from './tests';
export * from './analyse';
export * from './json';
export * from './subjects';
