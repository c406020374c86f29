// An export a button starts: what it is doing ("Preparing CSV…"), then "Downloaded <file>" or
// "Could not export: <why>", and whether one is under way. One place for every screen's exports.
import { useState } from 'react';

export interface ExportStatus {
  /** What the status line says ('' before the first export). */
  readonly state: string;
  readonly failed: boolean;
  readonly busy: boolean;
  /** Shows `preparing`, runs `work` (which downloads and answers with the file's name), then says how it went. */
  readonly run: (preparing: string, work: () => Promise<string>) => Promise<void>;
}

export function useExport(): ExportStatus {
  const [state, setState] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  async function run(preparing: string, work: () => Promise<string>) {
    setBusy(true);
    setFailed(false);
    setState(preparing);
    try {
      setState(`Downloaded ${await work()}`);
    } catch (error) {
      setFailed(true);
      setState(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }
  return { state, failed, busy, run };
}
