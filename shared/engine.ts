// The engine's one entry point, for every caller's `./engine` / `../engine`: see engine/index.ts.
export * from './engine/index';
