import { useAppStore } from './app-store';
import { selectEntries } from './selectors';
import type { MainView } from './view-slice';

/**
 * Selects document `index` of `selectAllDocuments` (the overview and the combined timeline name documents so),
 * and shows `view` (the callback's panels by default).
 */
export function selectDocumentAt(index: number, view: MainView = 'document'): void {
  const state = useAppStore.getState();
  const entry = selectEntries(state)[index];
  if (!entry) return;
  state.selectDocument(entry.key);
  if (state.mainView !== view) state.setMainView(view);
}
