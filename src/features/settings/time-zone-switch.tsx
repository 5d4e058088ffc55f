import { useId } from 'react';
import { isTimeZoneMode, type TimeZoneMode } from '../../domain/derive/format-time';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import './settings.css';

const MODES: readonly (readonly [TimeZoneMode, 'time.zone.source' | 'time.zone.local' | 'time.zone.utc'])[] =
  [
    ['source', 'time.zone.source'],
    ['local', 'time.zone.local'],
    ['utc', 'time.zone.utc'],
  ];

/** Times in the callback's own offset (the default), the viewer's local time, or UTC: one rule for the page. */
export function TimeZoneSwitch() {
  const t = useT();
  const id = useId();
  const mode = useAppStore((s) => s.timeZone);
  const setTimeZone = useAppStore((s) => s.setTimeZone);
  return (
    <div className="setting">
      <label htmlFor={id}>{t('time.zone.label')}</label>
      <select
        id={id}
        className="select"
        data-testid="time-zone-switch"
        value={mode}
        onChange={(e) => {
          if (isTimeZoneMode(e.target.value)) setTimeZone(e.target.value);
        }}
      >
        {MODES.map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
    </div>
  );
}
