/** The add-in's typed, sourced reference data. */
export * from './types';
export * from './countries';
export * from './keys';
export * from './precedents';
export * from './facts';
export * from './assumptions';
