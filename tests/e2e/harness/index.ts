export * from './builds';
export * from './fixture-server';
export * from './chromium';
export * from './firefox';
export * from './poll';
export * from './closed-shadow-root';
export * from './session';
export * from './pathological-pages';
