import { useEffect, useState } from 'react';
import type { CallbackDocument } from '../domain/model';
import { isSourceRead, readSources } from '../worker/source-text';

export type SourcesReading = 'read' | 'reading' | 'failed';

/**
 * Whether these documents' sources are at hand, reading those still in their file (a large log stays in its `File`;
 * a callback's few KB are read when it is shown, compared or shared). `failed`: the file could not be read again
 * (it was changed, moved or deleted since it was opened).
 */
export function useSourcesRead(docs: readonly CallbackDocument[]): SourcesReading {
  const isRead = docs.every(isSourceRead);
  const [failed, setFailed] = useState<readonly CallbackDocument[] | undefined>(undefined);
  const [, setReadCount] = useState(0);
  useEffect(() => {
    if (isRead) return;
    let isCurrent = true;
    readSources(docs).then(
      () => isCurrent && setReadCount((n) => n + 1),
      () => isCurrent && setFailed(docs),
    );
    return () => {
      isCurrent = false;
    };
  }, [docs, isRead]);
  if (isRead) return 'read';
  return failed === docs ? 'failed' : 'reading';
}
