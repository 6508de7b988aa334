// The dashboard's build: plain TypeScript modules and one CSS file bundled into hashed files under
// assets/, no inline scripts or styles (egin serve sends a strict Content-Security-Policy), no
// external URLs. `npm run build -- --outDir DIR` writes where egin serve --web reads.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // `npm run dev` (vite) next to `egin serve` on :8080 — the API is proxied there.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
