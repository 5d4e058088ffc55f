import { useId } from 'react';
import { htmlLang, LANGS, type Lang } from '../../i18n/i18n';
import { useLang, useT } from '../../i18n/use-i18n';
import './settings.css';

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** 中文 / English; each language is named in itself. */
export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const [lang, setLang] = useLang();
  return (
    <div className="setting">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        className="select"
        data-testid="language-switch"
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) setLang(e.target.value);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={htmlLang(l)}>
            {t(l === 'zh' ? 'lang.zh' : 'lang.en')}
          </option>
        ))}
      </select>
    </div>
  );
}
