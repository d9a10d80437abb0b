import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, Connect } from 'vite';

// Serves the data pack at /data/ in dev and preview, and copies it into dist/data at build.
// The pack lives outside public/ so that MT_DATA_DIR can swap it without touching code.

const MIME: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export const DATA_URL_PREFIX = '/data/';

export function resolvePackDir(envDir: string | undefined, root = process.cwd()): string {
  return path.resolve(root, envDir && envDir.trim() !== '' ? envDir : 'data');
}

/** Maps a request path under /data/ to a file inside the pack, refusing escapes. */
export function packFileFor(packDir: string, urlPath: string): string | null {
  if (!urlPath.startsWith(DATA_URL_PREFIX)) return null;
  const rel = decodeURIComponent(urlPath.slice(DATA_URL_PREFIX.length).split('?')[0] ?? '');
  const file = path.resolve(packDir, rel);
  if (file !== packDir && !file.startsWith(packDir + path.sep)) return null;
  return file;
}

function middleware(packDir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const file = packFileFor(packDir, req.url ?? '');
    if (!file) return next();
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.statusCode = 404;
        res.end(`Not in the data pack: ${req.url}`);
        return;
      }
      res.setHeader('Content-Type', MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', 'no-cache');
      fs.createReadStream(file).pipe(res);
    });
  };
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

export function dataPackPlugin(envDir: string | undefined): Plugin {
  const packDir = resolvePackDir(envDir);
  return {
    name: 'mt-data-pack',
    configureServer(server) {
      server.middlewares.use(middleware(packDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(packDir));
    },
    generateBundle() {
      if (!fs.existsSync(path.join(packDir, 'manifest.json'))) {
        this.error(`No manifest.json in the data pack folder ${packDir} (set MT_DATA_DIR to a pack folder).`);
      }
      for (const rel of listFiles(packDir)) {
        this.emitFile({
          type: 'asset',
          fileName: 'data/' + rel.split(path.sep).join('/'),
          source: fs.readFileSync(path.join(packDir, rel)),
        });
      }
    },
  };
}
