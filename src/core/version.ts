declare const __CYBERREAD_VERSION__: string;

/** Set by the bundler (scripts/build.mjs) and by vitest.config.ts from package.json. */
export const VERSION: string = __CYBERREAD_VERSION__;
