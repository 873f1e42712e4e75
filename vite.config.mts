import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a static bundle loaded by Electron (app:// protocol) or served by the browser-mode bridge.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
