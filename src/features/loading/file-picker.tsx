import { useT } from '../../i18n/use-i18n';
import { openFiles } from './load-files';
import './loading.css';

/** "Open files…": a native file input, shown as a button. */
export function FilePicker() {
  const t = useT();
  return (
    <label className="button file-picker">
      <input
        type="file"
        multiple
        className="visually-hidden"
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          // Picking the same file again must load it again.
          e.currentTarget.value = '';
          void openFiles(files);
        }}
      />
      {t('load.openFiles')}
    </label>
  );
}
