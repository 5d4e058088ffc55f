import { describe, expect, it } from 'vitest';
import { translate, type MessageText } from './i18n';
import { en } from './messages-en';
import { zh } from './messages-zh';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

/** Every text of a message: the string itself, or each form of a count message. */
const forms = (message: MessageText): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((v) => v !== undefined);

const keys = Object.keys(en) as (keyof typeof en)[];

describe('UI messages', () => {
  it('every English key has a non-empty Chinese message', () => {
    const missing = keys.filter(
      (key) => !(Object.hasOwn(zh, key) && forms(zh[key]).every((text) => text.trim() !== '')),
    );
    expect(missing).toEqual([]);
  });

  it('every Chinese key exists in English with a non-empty message', () => {
    const extra = Object.keys(zh).filter(
      (key) =>
        !(Object.hasOwn(en, key) && forms(en[key as keyof typeof en]).every((text) => text.trim() !== '')),
    );
    expect(extra).toEqual([]);
  });

  it('uses the same placeholders in both languages and in every form', () => {
    const mismatched = keys.filter((key) => {
      const all = [...forms(en[key]), ...forms(zh[key])].map((text) => placeholders(text).join());
      return new Set(all).size !== 1;
    });
    expect(mismatched).toEqual([]);
  });

  it('keys are dotted ids', () => {
    const bad = keys.filter((key) => !/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/.test(key));
    expect(bad).toEqual([]);
  });

  // The glossary rule: a message that shows a count has a form per English plural category.
  it('every English count message has its one and other forms', () => {
    const counted = keys.filter((key) => forms(en[key]).some((text) => text.includes('{count}')));
    expect(counted.length).toBeGreaterThan(10);
    const plain = counted.filter((key) => {
      const message: MessageText = en[key];
      return typeof message === 'string' || message.one === undefined;
    });
    expect(plain).toEqual([]);
    for (const key of counted) {
      expect(translate(en, key, { count: 1 }, 'en'), key).toBe(
        translate(en, key, { count: 1 }, 'en').replace(/\b1 (\w+)s\b/, '1 $1'),
      );
    }
  });

  it('picks the form by count under the language’s rules', () => {
    expect(translate(en, 'load.added', { count: 1 }, 'en')).toBe('1 callback added');
    expect(translate(en, 'load.added', { count: 0 }, 'en')).toBe('0 callbacks added');
    expect(translate(en, 'load.added', { count: 2 }, 'en')).toBe('2 callbacks added');
    expect(translate(en, 'share.opened', { count: 1 }, 'en')).toBe('Opened a shared link: 1 callback.');
    expect(translate(en, 'ui.summary.taskCount', { count: 1 }, 'en')).toBe('1 task');
    expect(translate(zh, 'ui.summary.taskCount', { count: 1 }, 'zh')).toBe('1 个任务');
    // No count: the general form.
    expect(translate(en, 'result.items', undefined, 'en')).toBe('{count} items');
  });

  it('counts callbacks with one measure word in Chinese', () => {
    const callbackTexts = keys
      .flatMap((key) => forms(zh[key]))
      .filter((text) => /\{count\}\s*\S?\s*回调/.test(text));
    expect(callbackTexts.length).toBeGreaterThan(3);
    expect(callbackTexts.filter((text) => !/\{count\} 条/.test(text))).toEqual([]);
  });

  // One name per thing: the panels of a callback and the views of the main area are different things, so no two of
  // them share a name in either language (the Timeline panel is not the combined timeline, the Summary panel is
  // not the Overview).
  it('names each panel and each main view differently, in both languages', () => {
    const names = keys.filter(
      (key) => /^panel\.\w+\.title$/.test(key) || /^views\.(document|overview|timeline)$/.test(key),
    );
    expect(names.length).toBeGreaterThan(10);
    for (const messages of [en, zh]) {
      const texts = names.map((key) => forms(messages[key]).join());
      expect(texts.filter((text, i) => texts.indexOf(text) !== i)).toEqual([]);
    }
    expect(zh['panel.summary.title']).not.toBe(zh['views.overview']);
    expect(zh['views.timeline']).toBe(zh['combined.title']);
    expect(en['views.timeline']).toBe(en['combined.title']);
  });

  it('uses one word for one thing, and no project jargon', () => {
    const all = (messages: typeof en | typeof zh) => keys.flatMap((key) => forms(messages[key]));
    // 运行时长 (run time) everywhere, never 运行时间; 脱敏 for masking before sharing.
    expect(all(zh).filter((text) => /运行时间|遮盖/.test(text))).toEqual([]);
    // The specification's case numbers are not a reader's words.
    expect(all(en).filter((text) => /specification|\bcase \{?n/i.test(text))).toEqual([]);
    expect(all(zh).filter((text) => /规格|案例/.test(text))).toEqual([]);
  });

  it('has the strings the app needs', () => {
    expect(en['app.title']).toBe('CI Callback Viewer');
    expect(zh['app.title']).toBe('数据万象回调查看器');
    expect(en['list.filter.placeholder']).toBe('Filter: JobId, RunId, object key, Code, Message, UserData…');
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
