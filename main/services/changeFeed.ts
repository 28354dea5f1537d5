import type { ProjectChangeEvent } from '../../core/ipc/contract';

/** Receives every change the workspace applies. */
export type ChangeListener = (event: ProjectChangeEvent) => void;

/**
 * The bus between the workspace and the front doors: the workspace publishes every change it applies (commands,
 * undo/redo, settings, realignments, save status), and each front door forwards them to its windows (the Electron
 * main process with `webContents.send`, the loopback host over `GET /api/events`). Plain Node, no Electron.
 */
export interface ChangeFeed {
  /** Hands `event` to every subscriber, in subscription order; a throwing subscriber does not stop the others. */
  publish(event: ProjectChangeEvent): void;
  /** Adds a subscriber; returns the function that removes it. */
  subscribe(listener: ChangeListener): () => void;
  /** How many subscribers there are. */
  readonly size: number;
}

/** A new, empty change feed. */
export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // One broken window must not keep the change from the others.
          console.error('taiyaku: a change subscriber failed:', error);
        }
      }
    },
    subscribe(listener) {
      // A wrapper, so that subscribing the same function twice gives two independent subscriptions.
      const entry: ChangeListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    get size() {
      return listeners.size;
    },
  };
}
