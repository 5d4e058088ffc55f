import { describe, expect, it } from 'vitest';
import { en } from './messages-en';
import { zh } from './messages-zh';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('UI messages', () => {
  it('every English key has a non-empty Chinese message', () => {
    const missing = Object.keys(en).filter(
      (key) => !(Object.hasOwn(zh, key) && zh[key as keyof typeof zh].trim() !== ''),
    );
    expect(missing).toEqual([]);
  });

  it('every Chinese key exists in English with a non-empty message', () => {
    const extra = Object.keys(zh).filter(
      (key) => !(Object.hasOwn(en, key) && en[key as keyof typeof en].trim() !== ''),
    );
    expect(extra).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter((key) => {
      const k = key as keyof typeof en;
      return placeholders(en[k]).join() !== placeholders(zh[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('keys are dotted ids', () => {
    const bad = Object.keys(en).filter((key) => !/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/.test(key));
    expect(bad).toEqual([]);
  });

  it('has the strings the app needs', () => {
    expect(en['app.title']).toBe('CI Callback Viewer');
    expect(zh['app.title']).toBe('数据万象回调查看器');
    expect(en['list.filter.placeholder']).toBe('Filter by JobId, object key, RunId');
    expect(en['panel.io.title']).toBe('Input / output');
    expect(en['panel.headers.title']).toBe('COS headers');
    expect(en['parse.position']).toBe('Line {line}, column {column}');
    for (const panel of [
      'summary',
      'timeline',
      'image',
      'io',
      'headers',
      'workflow',
      'tasks',
      'result',
      'diagnostics',
      'raw',
    ]) {
      expect(Object.hasOwn(en, `panel.${panel}.title`)).toBe(true);
    }
  });
});
