export * from './builds';
export * from './fixture-server';
export * from './chromium';
export * from './firefox';
