import type { Problem } from '../../../domain/derive/summary';
import type { Translate } from '../../../i18n/i18n';
import { useT } from '../../../i18n/use-i18n';

export interface ProblemAlertProps {
  readonly problems: readonly Problem[];
}

const SERIOUS = new Set<Problem['kind']>([
  'job-failed',
  'failed-substep',
  'failed-task',
  'code-not-success',
  'moderation-sensitive',
  'unreadable',
]);

function headline(p: Problem, t: Translate): string {
  switch (p.kind) {
    case 'job-failed':
      return p.path === 'code'
        ? t('ui.problem.moderationFailed', { code: p.code ?? t('common.none') })
        : t('summary.failure', { code: p.code ?? t('common.none') });
    case 'failed-task':
      return t('ui.problem.taskFailed', { name: p.name ?? `#${(p.taskIndex ?? 0) + 1}` });
    case 'failed-substep':
      return p.taskIndex !== undefined
        ? t('ui.problem.taskFailed', { name: p.name ?? `#${p.taskIndex + 1}` })
        : t('summary.failedStep', { path: p.path ?? p.name ?? '' });
    case 'moderation-sensitive':
      return t('ui.problem.moderationSensitive');
    case 'moderation-suspicious':
      return t('ui.problem.moderationSuspicious');
    case 'code-not-success':
      return p.taskIndex !== undefined
        ? t('ui.problem.objectFailed', { name: p.name ?? p.path ?? '', code: p.code ?? '' })
        : t('ui.problem.codeNotSuccess', { code: p.code ?? '' });
    case 'cancelled':
      return t('ui.problem.cancelled');
    case 'not-finished':
      return t('ui.problem.notFinished', { state: p.state ?? '' });
    case 'unknown-state':
      return p.state === undefined
        ? t('ui.problem.noState')
        : t('ui.problem.unknownState', { state: p.state });
    case 'unreadable':
      return t('state.Invalid.gloss');
  }
}

/**
 * The job's own outcome when it is not plain Success — a failed job, a failed sub-step inside a successful job
 * (`DigitalWatermark.State=Failed`), a Code other than Success — with its Code and Message, prominently.
 */
export function ProblemAlert({ problems }: ProblemAlertProps) {
  const t = useT();
  if (problems.length === 0) return null;
  const isSerious = problems.some((p) => SERIOUS.has(p.kind));
  return (
    <div
      className={`pn-alert ${isSerious ? 'pn-alert-danger' : 'pn-alert-warning'}`}
      role="alert"
      data-testid="job-problem"
    >
      <span className="pn-alert-icon" aria-hidden="true">
        {isSerious ? '✕' : '!'}
      </span>
      <ul className="pn-alert-list">
        {problems.map((p, i) => (
          <li key={`${p.kind}-${p.path ?? ''}-${i}`}>
            <strong className="pn-alert-title">{headline(p, t)}</strong>
            {p.code !== undefined ? (
              <span className="pn-alert-line">
                <span className="pn-alert-label">Code</span> <code className="ui-mono">{p.code}</code>
              </span>
            ) : null}
            {p.message !== undefined ? (
              <span className="pn-alert-line">
                <span className="pn-alert-label">Message</span> <span className="ui-break">{p.message}</span>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
