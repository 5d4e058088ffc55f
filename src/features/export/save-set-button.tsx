import { writeSavedSet } from '../../domain/share/saved-set';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { readFileTexts, textsToShare } from '../../store/loaded-texts';
import './export.css';

export interface SaveSetButtonProps {
  readonly sampleLabel: (sampleId: string) => string;
}

function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** Downloads every loaded text with its name as one .json file, which loads back through "Open files…". */
export function SaveSetButton({ sampleLabel }: SaveSetButtonProps) {
  const t = useT();
  const onClick = async () => {
    // Large files are kept in their files: their texts are read for the set.
    await readFileTexts(useAppStore.getState().sources).catch(() => undefined);
    const texts = textsToShare(useAppStore.getState(), 'all', t, sampleLabel);
    const blob = new Blob([writeSavedSet(texts)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `ci-callbacks-${timestamp(new Date())}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    // After the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button
      type="button"
      className="ui-button"
      data-testid="export-save-set-button"
      onClick={() => void onClick()}
    >
      {t('export.saveSet')}
    </button>
  );
}
