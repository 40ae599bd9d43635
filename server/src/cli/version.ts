// ECA Lens's version, set by the build (scripts/build.mjs); `0.0.0-dev` where nothing set it (tests).
declare const ECA_LENS_VERSION: string;
export const VERSION = typeof ECA_LENS_VERSION === 'string' ? ECA_LENS_VERSION : '0.0.0-dev';
