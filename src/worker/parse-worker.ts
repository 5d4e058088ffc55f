/// <reference lib="webworker" />
import { parsePayload } from '../domain/parse-payload';
import type { ParseRequest, ParseResponse } from './protocol';

// Parsing runs here, off the main thread, so a large input never freezes the page; fast-xml-parser stays out of
// the initial bundle.
self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, text, maxInputLength, firstIndex } = event.data;
  const options = { ...(maxInputLength ? { maxInputLength } : {}), ...(firstIndex ? { firstIndex } : {}) };
  const response: ParseResponse = { id, result: parsePayload(text, options) };
  self.postMessage(response);
};
