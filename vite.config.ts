import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { easelEngine } from './server/vite-plugin.ts';

// `npm start` and `npm run dev` serve on 127.0.0.1:5173 unless PORT says otherwise; the local
// engine (server/) answers /v1/images/* on the same origin.
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react(), easelEngine()],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});
