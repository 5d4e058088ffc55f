import { describe, expect, it } from 'vitest';
import { isHostedAddress, linkBase } from './link-base';

describe('linkBase', () => {
  it('builds on the page itself when it is hosted, whatever hosted copy is set', () => {
    expect(linkBase('https://tools.example.com/ci/?lang=zh#v1.abc', 'https://other.example.com/')).toEqual({
      base: 'https://tools.example.com/ci/?lang=zh',
      isLocalFile: false,
    });
  });

  it('from a file on disk, says the link opens only there, until a hosted copy is set', () => {
    const file = 'file:///C:/Users/me/ci-viewer.html?lang=en#v1.abc';
    expect(linkBase(file, '')).toEqual({
      base: 'file:///C:/Users/me/ci-viewer.html?lang=en',
      isLocalFile: true,
    });
    expect(linkBase(file, 'not an address')).toEqual({
      base: 'file:///C:/Users/me/ci-viewer.html?lang=en',
      isLocalFile: true,
    });
    expect(linkBase(file, ' https://tools.example.com/ci/#old ')).toEqual({
      base: 'https://tools.example.com/ci/',
      isLocalFile: false,
    });
  });

  it('accepts only http(s) addresses with a host as a hosted copy', () => {
    expect(isHostedAddress('https://tools.example.com/ci/')).toBe(true);
    expect(isHostedAddress('http://10.0.0.5:8080/viewer/index.html')).toBe(true);
    expect(isHostedAddress('file:///tmp/x.html')).toBe(false);
    expect(isHostedAddress('javascript:alert(1)')).toBe(false);
    expect(isHostedAddress('tools.example.com')).toBe(false);
  });
});
