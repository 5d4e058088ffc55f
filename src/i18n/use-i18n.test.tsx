import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider, loadMessages, useFieldHelp, useLang, useT } from './use-i18n';

function Probe() {
  const t = useT();
  const [lang] = useLang();
  const help = useFieldHelp();
  return (
    <p>{`${lang}|${t('app.title')}|${t('parse.position', { line: 1, column: 2 })}|${help('JobId') ?? 'no-help'}`}</p>
  );
}

describe('I18nProvider', () => {
  it('renders Chinese when asked, once its messages are loaded', async () => {
    await loadMessages('zh');
    const html = renderToString(
      <I18nProvider initialLang="zh">
        <Probe />
      </I18nProvider>,
    );
    expect(html).toContain('zh|数据万象回调查看器|第 1 行，第 2 列|no-help');
  });

  it('renders English when asked', () => {
    const html = renderToString(
      <I18nProvider initialLang="en">
        <Probe />
      </I18nProvider>,
    );
    expect(html).toContain('en|CI Callback Viewer|Line 1, column 2|no-help');
  });

  it('falls back to English without a window or a provider', () => {
    expect(
      renderToString(
        <I18nProvider>
          <Probe />
        </I18nProvider>,
      ),
    ).toContain('en|CI Callback Viewer');
    expect(renderToString(<Probe />)).toContain('en|CI Callback Viewer');
  });
});
