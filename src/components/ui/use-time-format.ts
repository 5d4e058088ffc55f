import { useCallback } from 'react';
import { formatTime, formatTimeValue, type TimeZoneMode } from '../../domain/derive/format-time';
import type { TimeValue } from '../../domain/model';
import { useAppStore } from '../../store/app-store';

/** The time zone setting (`source`, `local` or `utc`). */
export function useTimeZoneMode(): TimeZoneMode {
  return useAppStore((s) => s.timeZone);
}

/** Formats a payload time by the display rule and the person's setting; undefined when missing or invalid. */
export function useFormatTimeValue(): (value: TimeValue | undefined) => string | undefined {
  const mode = useTimeZoneMode();
  return useCallback((value) => formatTimeValue(value, mode), [mode]);
}

/** Formats an instant of a set (an axis tick, a range) by the rule, in the set's offset when the setting says so. */
export function useFormatInstant(): (epochMs: number | undefined, setOffset?: number) => string | undefined {
  const mode = useTimeZoneMode();
  return useCallback((epochMs, setOffset) => formatTime(epochMs, setOffset, mode), [mode]);
}
