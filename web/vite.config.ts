import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdZeroRuntime } from './build/antd-zero-runtime';
import { precompress } from './build/precompress';
import { pureContracts } from './build/pure-contracts';

// The server serves web/dist at / with an SPA fallback; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react(), antdZeroRuntime(), pureContracts(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The app's and the contracts' modules only declare (components, hooks, zod schemas, pure
      // functions; the one stylesheet is CSS): a page takes the modules it uses, not everything a
      // feature's index.ts re-exports (the login page no user menu, libphonenumber's metadata).
      treeshake: { moduleSideEffects: [{ test: /[\\/](web|contracts)[\\/]src[\\/].*\.tsx?$/, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            // React and the router change seldom: one long-cached chunk every page needs.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            // What every page needs before it starts (Ant Design's core, the query client, the
            // messages) in one file rather than a dozen: a request costs a round trip on a phone.
            { name: 'core', tags: ['$initial'], priority: 2 },
            // Every page after the login needs a dozen icons: one file for all of them (about 19 KB
            // compressed) costs less than a request for each on a phone (a round trip and headers).
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 1 },
          ],
        },
      },
    },
  },
});
