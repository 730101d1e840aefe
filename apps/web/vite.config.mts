import { defineConfig } from 'vite';

// Vite's built-in transform compiles TSX with React's automatic runtime; no plugin needed.
// In development the API runs on :3000 and the dev server proxies GraphQL and report downloads to it.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    proxy: {
      '/graphql': process.env.API_URL ?? 'http://127.0.0.1:3000',
      '/reports': process.env.API_URL ?? 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The main chunk holds React, the router, urql, react-intl and codegen's map of every
    // operation document (gql.ts imports them all); ~520 kB minified, ~150 kB gzipped.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      // Libraries mark themselves "use client" for server components; meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
