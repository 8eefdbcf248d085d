import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdCssSplit } from './build/antd-css-split';
import { antdFormProvider } from './build/antd-form-provider';
import { antdZeroRuntime } from './build/antd-zero-runtime';
import { firstPageGroups, recordFirstPage } from './build/first-page-chunks';
import { precompress } from './build/precompress';
import { pureContracts } from './build/pure-contracts';

// The server serves web/dist at / with an SPA fallback; in development Vite proxies the API to it.
export default defineConfig(({ mode }) => ({
  plugins: [react(), antdCssSplit(), antdZeroRuntime(), antdFormProvider(), pureContracts(), recordFirstPage(), precompress()],
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
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 5 },
            // What every page needs before it starts (Ant Design's core, the query client, the
            // messages) in one file rather than a dozen: a request costs a round trip on a phone.
            { name: 'core', tags: ['$initial'], priority: 4 },
            // The signed-in frame (Ant Design's core, the menus, the header) in one file and the
            // customer list's own modules in another: a page is a handful of files, not seventy
            // (recorded by a first pass of the build: build/first-page-chunks.ts).
            ...firstPageGroups(mode, 2),
            // The other pages' icons: one file for all of them costs less than a request for each.
            ...(mode === 'first-page' ? [] : [{ name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 1 }]),
          ],
        },
      },
    },
  },
}));
