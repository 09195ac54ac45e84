/// <reference types="@crxjs/vite-plugin/client" />

/** The build is Firefox's (vite.config.ts `define`): code only one engine needs is left out of the other's. */
declare const __FIREFOX__: boolean;
