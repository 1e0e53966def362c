// Builds the renderer (renderer/ → renderer/dist), which the desk serves in web mode and Electron loads.
// `npm run renderer:dev` proxies the desk API to a running `npm run desk:web` (DESK_URL, default 127.0.0.1:4800).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const deskUrl = process.env.DESK_URL ?? 'http://127.0.0.1:4800';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: {
    host: '127.0.0.1',
    proxy: { '/trpc': { target: deskUrl, ws: true, changeOrigin: true } },
  },
});
