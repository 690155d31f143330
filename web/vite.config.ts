import { defineConfig } from 'vite';

// Two pages, the explorer (index.html) and GraphiQL (graphiql.html), built
// into dist/app, which package web embeds in the Go binary. Assets are
// named by content hash under /assets/, where the Go server serves them.
// `npm run dev` serves the pages with hot reload and forwards the API to a
// newsgraph serving on :8080.
export default defineConfig({
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is one large chunk; it is served from
    // this machine, so its size costs no download from elsewhere.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      input: { index: 'index.html', graphiql: 'graphiql.html' },
      // React libraries mark modules "use client", which means nothing
      // outside a server-components framework.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:8080',
      '/export': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
    },
  },
});
