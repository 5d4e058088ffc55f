/**
 * The overview of what is loaded, for the overview view and the idle-time prebuild: a chunk of its own (with the
 * overview's builder), loaded with them. Built document by document and kept per build of the entries: a batch of a
 * large load adds only its documents, and what idle time built before the overview was opened is not built again.
 */
import { digestOf } from '../domain/derive/digest';
import { OverviewBuilder, type Overview } from '../domain/derive/overview';
import type { AppData } from './app-store';
import { entriesGeneration, selectEntries } from './entries';
import type { ListEntry } from './list-entry';
import { memoizeLast } from './memoize';
import { provideRunsFacet } from './visible-entries';

/** The overview being built for one build of the entries (`entriesGeneration`), as far as it got. */
let overviewBuild: { readonly generation: number; readonly builder: OverviewBuilder } | undefined;

function overviewBuilderFor(entries: readonly ListEntry[]): OverviewBuilder {
  const generation = entriesGeneration(entries);
  const current = overviewBuild;
  if (current && current.generation === generation && current.builder.size <= entries.length)
    return current.builder;
  const builder = new OverviewBuilder();
  overviewBuild = generation === undefined ? undefined : { generation, builder };
  return builder;
}

/**
 * Adds the entries' documents to their overview until `more()` says stop (idle time: `overview-prebuild.ts`);
 * true when every one is in.
 */
export function advanceOverview(entries: readonly ListEntry[], more: () => boolean): boolean {
  const builder = overviewBuilderFor(entries);
  while (builder.size < entries.length) {
    const to = Math.min(entries.length, builder.size + 256);
    for (let i = builder.size; i < to; i++) builder.add((entries[i] as ListEntry).doc);
    if (!more()) break;
  }
  return builder.size === entries.length;
}

/**
 * The overview of the entries' documents, named by their place in the list (`buildOverview` names documents by
 * position, so they need no copy with a new `index`).
 */
const overviewOfEntries = memoizeLast((entries: readonly ListEntry[]): Overview => {
  const builder = overviewBuilderFor(entries);
  for (let i = builder.size; i < entries.length; i++) builder.add((entries[i] as ListEntry).doc);
  return builder.result();
});

/** The overview of everything loaded (built on only when the documents change). */
export function selectOverview(state: Pick<AppData, 'draft' | 'sources'>): Overview {
  return overviewOfEntries(selectEntries(state));
}

const runSets = memoizeLast((overview: Overview) => {
  const all = new Set<string>();
  const noFinish = new Set<string>();
  const missingTasks = new Set<string>();
  const failedTask = new Set<string>();
  for (const run of overview.workflowRuns) {
    all.add(run.runId);
    if (run.executionDocuments.length === 0) noFinish.add(run.runId);
    if (run.missingTaskJobIds.length > 0) missingTasks.add(run.runId);
    if (run.hasFailedTask) failedTask.add(run.runId);
  }
  return { all, noFinish, missingTasks, failedTask };
});

provideRunsFacet((value, entries) => {
  const runs = runSets(overviewOfEntries(entries));
  const set =
    value === 'noFinish'
      ? runs.noFinish
      : value === 'missingTasks'
        ? runs.missingTasks
        : value === 'failedTask'
          ? runs.failedTask
          : runs.all;
  return (e) => {
    const digest = digestOf(e.doc);
    const runId = digest.execution?.runId;
    if (runId !== undefined) return set.has(runId);
    return digest.jobs.some((j) => j.runId !== undefined && set.has(j.runId));
  };
});
