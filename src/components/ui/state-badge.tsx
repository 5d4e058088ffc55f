import { stateGlossKey } from '../../i18n/i18n';
import { useT } from '../../i18n/use-i18n';
import './ui.css';

/** Tencent's published State values, each with a colour role and a shape so colour is never the only cue. */
const TONES: Readonly<Record<string, { tone: string; icon: string }>> = {
  Success: { tone: 'success', icon: '✓' },
  Failed: { tone: 'danger', icon: '✕' },
  Invalid: { tone: 'danger', icon: '!' },
  Submitted: { tone: 'info', icon: '…' },
  Running: { tone: 'info', icon: '▸' },
  Pause: { tone: 'warning', icon: '‖' },
  Cancel: { tone: 'warning', icon: '⊘' },
  Unknown: { tone: 'muted', icon: '?' },
};

export interface StateBadgeProps {
  /** A job, task or workflow State, verbatim (Tencent's value is shown untranslated). */
  readonly state: string | undefined;
}

/** A job's State as a badge: a tinted pill with an icon and the State's own text. */
export function StateBadge({ state }: StateBadgeProps) {
  const t = useT();
  const text = state === undefined || state === '' ? '—' : state;
  const look = (state !== undefined && Object.hasOwn(TONES, state) ? TONES[state] : undefined) ?? {
    tone: 'muted',
    icon: '?',
  };
  return (
    <span
      className={`ui-badge ui-tone-${look.tone}`}
      data-state={state ?? ''}
      title={state === undefined ? undefined : t(stateGlossKey(state))}
    >
      <span className="ui-badge-icon" aria-hidden="true">
        {look.icon}
      </span>
      <span className="ui-badge-text">{text}</span>
    </span>
  );
}
