import { gzipSync } from 'node:zlib';
import { loadBundles } from '../src/modules/surveys/http/widget-bundle';
import type { BenchResult } from './types';

/** Bytes that customers' sites download: the widget script and the respondent page script, gzipped. */
export async function benchWidget(): Promise<BenchResult[]> {
  const bundles = await loadBundles();
  if (!bundles.widget || !bundles.page) throw new Error('the widget bundles could not be built');
  const gz = (code: string) => gzipSync(Buffer.from(code), { level: 9 }).length / 1024;
  return [
    {
      name: 'widget.js gzipped',
      value: gz(bundles.widget),
      unit: 'KB',
      budget: 12,
      note: `${(Buffer.byteLength(bundles.widget) / 1024).toFixed(1)} KB minified`,
    },
    { name: 'survey page script gzipped', value: gz(bundles.page), unit: 'KB', budget: 4 },
  ];
}
