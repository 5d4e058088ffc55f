import { describe, expect, it } from 'vitest';
import { meaningFacts } from '../../domain/derive/meaning-facts';
import { parsePayload } from '../../domain/parse-payload';
import { fixtureNames, readFixture } from '../../domain/test-support/fixtures';
import { translate, type MessageKey } from '../../i18n/i18n';
import { en } from '../../i18n/messages-en';
import { zh } from '../../i18n/messages-zh';
import { rowLabel } from './row-label';

describe('comparison row labels', () => {
  const labels = fixtureNames().flatMap((n) =>
    parsePayload(readFixture(n)).documents.flatMap((d) => meaningFacts(d).map((f) => f.label)),
  );

  it('every fact of every fixture has a label in words, in both languages', () => {
    expect(labels.length).toBeGreaterThan(100);
    for (const label of labels) {
      expect(Object.hasOwn(en, `meaning.${label.id}`), label.id).toBe(true);
      for (const [messages, lang] of [
        [en, 'en'],
        [zh, 'zh'],
      ] as const) {
        const text = rowLabel(label, (key: MessageKey, params) => translate(messages, key, params, lang));
        expect(text).not.toMatch(/meaning\.|\{\w+\}/);
      }
    }
  });

  it('names the output, the original, the job and the header', () => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(en, key, params, 'en');
    expect(rowLabel({ id: 'image.quality', output: 1 }, t)).toBe('Output 1 · Quality');
    expect(rowLabel({ id: 'image.format' }, t)).toBe('Original · Format');
    expect(rowLabel({ id: 'endTime', job: 2 }, t)).toBe('Job 2 · End time');
    expect(rowLabel({ id: 'header', name: 'Size' }, t)).toBe('COS header Size');
    const tz = (key: MessageKey, params?: Record<string, string | number>) =>
      translate(zh, key, params, 'zh');
    expect(rowLabel({ id: 'image.quality', output: 1 }, tz)).toBe('输出 1 · 质量');
  });
});
