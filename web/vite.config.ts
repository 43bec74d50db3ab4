import { defineConfig } from 'vitest/config';

// The app is served by the ASP.NET Core server from the same origin as the API and the hub; in
// `npm run dev` Vite forwards those paths to a server started with `dotnet run`.
const server = process.env.QS_SERVER ?? 'http://localhost:5080';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    // Fonts stay separate files so each subset downloads only when its characters appear.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': server,
      '/openapi': server,
      '/health': server,
      '/hubs': { target: server, ws: true },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
