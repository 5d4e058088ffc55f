import { useState } from 'react';
import { useDocumentsStore } from '../store/documents-store';
import { parseInWorker } from '../worker/parse-client';

export function App() {
  const documents = useDocumentsStore((s) => s.documents);
  const addDocuments = useDocumentsStore((s) => s.addDocuments);
  const [draft, setDraft] = useState('');
  return (
    <main>
      <h1>CI Callback Viewer</h1>
      <textarea
        data-testid="payload-input"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          void parseInWorker(e.target.value).then((r) => addDocuments(r.documents));
        }}
      />
      <span data-testid="document-count">{documents.length}</span>
      <ul data-testid="document-list">
        {documents.map((d, i) => (
          <li key={i} data-testid="document-item" data-state={d.state}>
            {d.model?.kind === 'jobs' ? d.model.jobs[0]?.jobId : d.state}
          </li>
        ))}
      </ul>
    </main>
  );
}
