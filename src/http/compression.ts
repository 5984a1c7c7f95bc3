import compress from '@fastify/compress';
import type { App } from './types';

/**
 * Answers of 1 KB and more are compressed (brotli at a quality cheap enough per request, else
 * gzip); the dashboard's built files are compressed once at build time and sent as they are.
 */
export async function registerCompression(app: App) {
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}
