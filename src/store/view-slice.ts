import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type SortField = 'load' | 'endTime' | 'runTime' | 'state';
export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  readonly field: SortField;
  readonly direction: SortDirection;
}

export interface ViewSliceState {
  /** Matched against JobId, object keys, RunId and the entry's name, case-insensitively. */
  readonly filterText: string;
  /** A State value, or `''` for every state. */
  readonly stateFilter: string;
  /** A Tag value, or `''` for every tag. */
  readonly tagFilter: string;
  readonly sort: ListSort;
}

export interface ViewSliceActions {
  setFilterText(text: string): void;
  setStateFilter(state: string): void;
  setTagFilter(tag: string): void;
  setSort(sort: ListSort): void;
  clearFilters(): void;
}

export type ViewSlice = ViewSliceState & ViewSliceActions;

export const viewInitialState: ViewSliceState = {
  filterText: '',
  stateFilter: '',
  tagFilter: '',
  sort: { field: 'load', direction: 'asc' },
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  ...viewInitialState,
  setFilterText: (filterText) => set({ filterText }),
  setStateFilter: (stateFilter) => set({ stateFilter }),
  setTagFilter: (tagFilter) => set({ tagFilter }),
  setSort: (sort) => set({ sort }),
  clearFilters: () => set({ filterText: '', stateFilter: '', tagFilter: '' }),
});
