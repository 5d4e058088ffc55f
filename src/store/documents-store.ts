import { create } from 'zustand';
import type { CallbackDocument } from '../domain/model';

export interface DocumentsState {
  readonly documents: readonly CallbackDocument[];
  readonly selectedIndex: number | undefined;
}

export const initialState: DocumentsState = { documents: [], selectedIndex: undefined };

interface DocumentsActions {
  addDocuments(docs: readonly CallbackDocument[]): void;
  selectDocument(index: number): void;
}

export const useDocumentsStore = create<DocumentsState & DocumentsActions>()((set) => ({
  ...initialState,
  addDocuments: (docs) =>
    set((s) => ({ documents: [...s.documents, ...docs], selectedIndex: s.selectedIndex ?? (docs.length ? s.documents.length : undefined) })),
  selectDocument: (index) => set({ selectedIndex: index }),
}));
