import { describe, expect, it } from 'vitest';
import {
  numberFormat,
  detectLang,
  format,
  htmlLang,
  isMessageKey,
  langFromSearch,
  localize,
  lookupFieldHelp,
  resolveInitialLang,
  stateGlossKey,
  toLang,
  translate,
} from './i18n';
import { en } from './messages-en';
import { zh } from './messages-zh';

describe('detectLang', () => {
  it.each([
    ['?lang=zh', ['en-US'], 'zh'],
    ['?lang=en', ['zh-CN'], 'en'],
    ['lang=zh', [], 'zh'],
    ['?foo=1&lang=zh', ['en'], 'zh'],
    ['?lang=ZH', ['en'], 'zh'],
    ['?lang=zh-CN', ['en'], 'zh'],
    ['?lang=en-GB', ['zh'], 'en'],
    ['?lang=fr', ['zh-TW'], 'zh'],
    ['?lang=', ['zh-CN'], 'zh'],
    ['', ['zh-CN', 'en-US'], 'zh'],
    ['', ['zh'], 'zh'],
    ['', ['zh-Hans-CN'], 'zh'],
    ['', ['zh_CN'], 'zh'],
    ['', ['en-US', 'zh-CN'], 'en'],
    ['', ['fr-FR', 'zh-CN'], 'zh'],
    ['', ['fr-FR', 'de'], 'en'],
    ['', [], 'en'],
    ['', ['zhx'], 'en'],
  ] as const)('detectLang(%j, %j) is %s', (search, languages, expected) => {
    expect(detectLang(search, languages)).toBe(expected);
  });

  it('reads only the lang parameter, not the fragment', () => {
    expect(langFromSearch('?x=1')).toBeUndefined();
    expect(detectLang('', ['en'])).toBe('en');
  });
});

describe('resolveInitialLang', () => {
  it('lets ?lang= win over the stored choice and the browser', () => {
    expect(resolveInitialLang('?lang=en', 'zh', ['zh-CN'])).toBe('en');
  });
  it('uses the stored choice before the browser', () => {
    expect(resolveInitialLang('', 'zh', ['en-US'])).toBe('zh');
    expect(resolveInitialLang('', 'en', ['zh-CN'])).toBe('en');
  });
  it('ignores a stored value it does not know', () => {
    expect(resolveInitialLang('', 'klingon', ['zh-CN'])).toBe('zh');
    expect(resolveInitialLang('', null, ['de'])).toBe('en');
  });
});

describe('toLang and htmlLang', () => {
  it('maps tags to languages', () => {
    expect(toLang('ZH-hk')).toBe('zh');
    expect(toLang(' en ')).toBe('en');
    expect(toLang('')).toBeUndefined();
    expect(toLang(null)).toBeUndefined();
  });
  it('gives the html lang attribute', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
  });
});

describe('numberFormat', () => {
  it('formats by the language, with two decimals or three significant digits, one object per kind kept', () => {
    expect(numberFormat('en').format(1234567.891)).toBe('1,234,567.89');
    expect(numberFormat('zh').format(1234567.891)).toBe('1,234,567.89');
    expect(numberFormat('en', 'significant').format(12.345)).toBe('12.3');
    expect(numberFormat('en')).toBe(numberFormat('en'));
    expect(numberFormat('en')).not.toBe(numberFormat('zh'));
    expect(numberFormat('en')).not.toBe(numberFormat('en', 'significant'));
  });
});

describe('format', () => {
  it('fills named placeholders', () => {
    expect(format('Line {line}, column {column}', { line: 3, column: 14 })).toBe('Line 3, column 14');
  });
  it('fills a placeholder used twice', () => {
    expect(format('{a}-{a}', { a: 'x' })).toBe('x-x');
  });
  it('leaves placeholders without a parameter as written', () => {
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(format('{a}', undefined)).toBe('{a}');
  });
  it('does not read inherited properties', () => {
    expect(format('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });
  it('inserts values literally, without re-reading placeholders or $ patterns', () => {
    expect(format('key {key}', { key: '${ext}/{x}/$&' })).toBe('key ${ext}/{x}/$&');
  });
  it('keeps text without placeholders', () => {
    expect(format('plain', { a: 1 })).toBe('plain');
  });
});

describe('translate', () => {
  it('looks up and formats', () => {
    expect(translate(en, 'parse.position', { line: 2, column: 5 })).toBe('Line 2, column 5');
    expect(translate(zh, 'parse.position', { line: 2, column: 5 })).toBe('第 2 行，第 5 列');
    expect(translate(en, 'app.title')).toBe('CI Callback Viewer');
    expect(translate(zh, 'app.title')).toBe('数据万象回调查看器');
  });
  it('states the privacy promise in both languages', () => {
    expect(translate(en, 'app.privacy')).toBe(
      'Payloads are processed locally in your browser; nothing is uploaded.',
    );
    expect(translate(zh, 'app.privacy')).toContain('不会上传');
  });
});

describe('stateGlossKey and isMessageKey', () => {
  it('glosses the Tencent states and the viewer states', () => {
    for (const state of [
      'Success',
      'Failed',
      'Submitted',
      'Running',
      'Pause',
      'Cancel',
      'Invalid',
      'Unknown',
    ]) {
      expect(stateGlossKey(state)).toBe(`state.${state}.gloss`);
      expect(isMessageKey(en, stateGlossKey(state))).toBe(true);
    }
  });
  it('falls back for an undocumented state', () => {
    expect(stateGlossKey('Finished')).toBe('state.other.gloss');
    expect(stateGlossKey('__proto__')).toBe('state.other.gloss');
  });
  it('narrows only real keys', () => {
    expect(isMessageKey(en, 'app.title')).toBe(true);
    expect(isMessageKey(en, 'no.such.key')).toBe(false);
    expect(isMessageKey(en, 'constructor')).toBe(false);
  });
});

describe('localize', () => {
  it('picks the language', () => {
    expect(localize({ en: 'a', zh: 'b' }, 'en')).toBe('a');
    expect(localize({ en: 'a', zh: 'b' }, 'zh')).toBe('b');
  });
});

describe('lookupFieldHelp', () => {
  const glossary = { Object: 'plain', 'Input.Object': 'input', 'Output.Object': 'output', Key: 'key' };
  it('prefers Parent.Child, then the plain name', () => {
    expect(lookupFieldHelp(glossary, 'Object', 'Input')).toBe('input');
    expect(lookupFieldHelp(glossary, 'Object', 'Output')).toBe('output');
    expect(lookupFieldHelp(glossary, 'Object', 'WorkflowExecution')).toBe('plain');
    expect(lookupFieldHelp(glossary, 'Object')).toBe('plain');
  });
  it('accepts a path as the parent', () => {
    expect(lookupFieldHelp(glossary, 'Object', 'Response.JobsDetail.Operation.Output')).toBe('output');
    expect(lookupFieldHelp(glossary, 'Object', 'Response.JobsDetail[0].Input')).toBe('input');
    expect(lookupFieldHelp(glossary, 'Object', 'Input[0]')).toBe('input');
    expect(lookupFieldHelp(glossary, 'Object', 'Input.0')).toBe('input');
    expect(lookupFieldHelp(glossary, 'Object', '')).toBe('plain');
  });
  it('returns undefined for unknown names and never reads the prototype', () => {
    expect(lookupFieldHelp(glossary, 'Nope')).toBeUndefined();
    expect(lookupFieldHelp(glossary, 'constructor')).toBeUndefined();
    expect(lookupFieldHelp(glossary, '__proto__', 'Input')).toBeUndefined();
  });
});
