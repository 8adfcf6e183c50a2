import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm start` and `npm run dev` serve on 127.0.0.1:5173 unless PORT says otherwise.
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});
