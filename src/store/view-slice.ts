import type { StateCreator } from 'zustand';
import type { ShareError } from '../domain/share/share-link';
import type { AppState } from './app-store';

export type SortField = 'load' | 'endTime' | 'runTime' | 'state';
export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  readonly field: SortField;
  readonly direction: SortDirection;
}

/**
 * A way into the list from a figure of the overview: the callbacks behind it (a Code's failures, the repeated
 * deliveries, the runs without their WorkflowFinish, …). State and Tag figures set the State and Tag filters.
 */
export type ListFacet =
  | { readonly kind: 'code'; readonly value: string }
  | { readonly kind: 'failed' }
  | { readonly kind: 'duplicates' }
  | { readonly kind: 'variants' }
  | { readonly kind: 'docKind'; readonly value: 'jobs' | 'workflow' | 'unrecognised' | 'invalid' }
  | { readonly kind: 'runs'; readonly value: 'all' | 'noFinish' | 'missingTasks' | 'failedTask' }
  | { readonly kind: 'verdict'; readonly value: string }
  | { readonly kind: 'testRequest' };

export interface ViewSliceState {
  /**
   * Matched case-insensitively against JobId, RunId, object keys, Code, Message, UserData, TemplateId/Name, QueueId,
   * Tag and the entry's name.
   */
  readonly filterText: string;
  /** A State value, or `''` for every state. */
  readonly stateFilter: string;
  /** A Tag value, or `''` for every tag. */
  readonly tagFilter: string;
  readonly sort: ListSort;
  /**
   * Time window on the end time, as typed (`2022-07-18 15:00`, read in the display setting's zone unless it gives
   * an offset: `domain/derive/typed-time.ts`), or `''`.
   */
  readonly timeFrom: string;
  readonly timeTo: string;
  /** What the main area shows: the selected callback, the overview of all, or the combined timeline. */
  readonly mainView: MainView;
  /** Key of the document the selected one is compared with, if any. */
  readonly compareKey: string | undefined;
  readonly openedLink: OpenedLink | undefined;
  /** The overview figure the list is narrowed to, if any. */
  readonly facet: ListFacet | undefined;
}

export type MainView = 'document' | 'overview' | 'timeline';

/**
 * The share link this tab opened, shown in the main area: its whole address (the fragment leaves the address bar,
 * so a reload does not load it twice; "Copy this link" gives it back), or why it could not be opened.
 */
export type OpenedLink =
  | { readonly ok: true; readonly link: string; readonly count: number }
  | { readonly ok: false; readonly error: ShareError; readonly limit: string };

export interface ViewSliceActions {
  setFilterText(text: string): void;
  setStateFilter(state: string): void;
  setTagFilter(tag: string): void;
  setSort(sort: ListSort): void;
  setTimeWindow(from: string, to: string): void;
  setMainView(view: MainView): void;
  setCompareKey(key: string | undefined): void;
  setOpenedLink(link: OpenedLink | undefined): void;
  setFacet(facet: ListFacet | undefined): void;
  /** From an overview figure: only its filter, the others cleared, and the list shown. */
  showInList(filter: { facet?: ListFacet; state?: string; tag?: string; text?: string }): void;
  clearFilters(): void;
}

export type ViewSlice = ViewSliceState & ViewSliceActions;

export const viewInitialState: ViewSliceState = {
  filterText: '',
  stateFilter: '',
  tagFilter: '',
  sort: { field: 'load', direction: 'asc' },
  timeFrom: '',
  timeTo: '',
  mainView: 'document',
  compareKey: undefined,
  openedLink: undefined,
  facet: undefined,
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  ...viewInitialState,
  setFilterText: (filterText) => set({ filterText }),
  setStateFilter: (stateFilter) => set({ stateFilter }),
  setTagFilter: (tagFilter) => set({ tagFilter }),
  setSort: (sort) => set({ sort }),
  setTimeWindow: (timeFrom, timeTo) => set({ timeFrom, timeTo }),
  setMainView: (mainView) => set({ mainView }),
  setCompareKey: (compareKey) => set({ compareKey }),
  setOpenedLink: (openedLink) => set({ openedLink }),
  setFacet: (facet) => set({ facet }),
  showInList: ({ facet, state, tag, text }) =>
    set({
      facet,
      stateFilter: state ?? '',
      tagFilter: tag ?? '',
      filterText: text ?? '',
      timeFrom: '',
      timeTo: '',
    }),
  clearFilters: () =>
    set({ filterText: '', stateFilter: '', tagFilter: '', timeFrom: '', timeTo: '', facet: undefined }),
});
