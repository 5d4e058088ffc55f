import { createContext, useContext } from 'react';

/** A place in the selected document's source: a wire path (`JobsDetail[0].Operation.TemplateId`) or a position. */
export interface SourceTarget {
  /** Source path as the normaliser writes it; a leading `Response.` is optional. */
  readonly path?: string;
  /** 1-based, in the coordinates of the document's own text. */
  readonly line?: number;
  readonly column?: number;
}

export type RevealSource = (target: SourceTarget) => void;

/**
 * "Selecting a typed field shows its source": DocumentPanels provides it, field labels and tree nodes call it.
 * Local to the panels of one document, never in the global store.
 */
export const SourceRevealContext = createContext<RevealSource | undefined>(undefined);

export function useRevealSource(): RevealSource | undefined {
  return useContext(SourceRevealContext);
}
