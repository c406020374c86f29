// Answers main works out on request (the change history, a comparison with a snapshot, an
// outturn against a snapshot's budget), kept for as long as what they were asked about
// stands: asked again whenever the key changes (the document's revision is part of every
// key, so each edit, undo and redo asks again), and an answer to an older key is dropped.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import type { HistoryView } from '../../shared/ipc';
import { useStore } from './store';

export interface MainAnswer<T> {
  readonly value: T | null;
  readonly error: string | null;
  /** A newer answer is on its way (the value shown, if any, is the last one). */
  readonly asking: boolean;
}

/** Asks `ask()` whenever `key` changes (null asks nothing), keeping the newest answer. */
export function useMainAnswer<T>(key: string | null, ask: () => Promise<T>): MainAnswer<T> {
  const [state, setState] = useState<MainAnswer<T> & { key: string | null }>({ key: null, value: null, error: null, asking: false });
  const latest = useRef(ask);
  latest.current = ask;
  useEffect(() => {
    if (key === null) {
      setState({ key, value: null, error: null, asking: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, key, asking: true }));
    latest
      .current()
      .then((value) => current && setState({ key, value, error: null, asking: false }))
      .catch((error: unknown) => {
        if (current) setState({ key, value: null, error: error instanceof Error ? error.message : String(error), asking: false });
      });
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? state : { value: state.value, error: null, asking: key !== null };
}

/** The document's revision and info as last stored: a new one after every edit, undo, redo or import. */
export const useRevisionKey = (): string => useStore((s) => (s.snapshot ? `${s.snapshot.info.path}#${s.snapshot.info.revision}` : 'none'));

/** The live document's change history and snapshots, asked again after every stored change. */
export function useHistory(): MainAnswer<HistoryView> {
  const revision = useRevisionKey();
  return useMainAnswer(revision, () => api.getHistory());
}
