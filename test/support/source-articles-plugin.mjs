// Serves ../shared/seeds (the source articles, kept outside the repository) at
// /__source-articles/, so the ledger test can check that no sentence was copied from them.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';

const PREFIX = '/__source-articles/';

export function sourceArticlesMiddleware(folder = resolve(process.cwd(), '../shared/seeds')) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    try {
      ctx.body = await readFile(resolve(folder, basename(decodeURIComponent(ctx.path.slice(PREFIX.length)))), 'utf8');
      ctx.type = 'text/plain; charset=utf-8';
    } catch {
      ctx.status = 404;
      ctx.body = 'not found';
    }
  };
}
