// Each document's view state (shared/view-state.ts) in the app's settings: one JSON file in
// the user's data folder, keyed by the document's path, the most recent MAX_REMEMBERED
// kept. Not in the plan and not in the .headroom file, so looking around never changes a
// document (nor its revision or undo history), and a read-only document keeps one too.
import fs from 'node:fs';
import { z } from 'zod';
import { ViewStateSchema, type ViewState } from '../shared/view-state';
import { writeFileAtomic } from './atomic-file';

export const VIEW_STATE_FILE = 'view-state.json';
export const MAX_REMEMBERED = 50;

const FileSchema = z.object({ version: z.literal(1), documents: z.record(z.string(), z.unknown()) });

export class ViewStateFile {
  constructor(readonly file: string) {}

  #read(): Record<string, unknown> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.documents : {};
    } catch {
      return {};
    }
  }

  /** The document's view state, or null when it has none (or what was kept no longer reads). */
  get(documentPath: string): ViewState | null {
    const documents = this.#read();
    if (!Object.hasOwn(documents, documentPath)) return null;
    const parsed = ViewStateSchema.safeParse(documents[documentPath]);
    return parsed.success ? parsed.data : null;
  }

  set(documentPath: string, state: ViewState): void {
    const documents = this.#read();
    delete documents[documentPath];
    documents[documentPath] = state;
    const keys = Object.keys(documents);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete documents[key];
    writeFileAtomic(this.file, JSON.stringify({ version: 1, documents }));
  }
}
