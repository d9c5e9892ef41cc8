/**
 * The installation's display settings (GET /api/v1/console-config), fetched once at start: the
 * organisation name in the header. Until it arrives the header shows the name remembered from the
 * last visit, or none; if the call fails the console works on without it.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api/client';
import type { ConsoleConfig } from './api/types';

const storageKey = 'teken.organisationName';

function remembered(): string | undefined {
  try {
    return localStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

const ConsoleConfigContext = createContext<Partial<ConsoleConfig>>({});

export function ConsoleConfigProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<Partial<ConsoleConfig>>(() => ({ organisationName: remembered() }));
  useEffect(() => {
    let live = true;
    api.get('/api/v1/console-config', { redirectOnAuthRequired: false }).then(
      (loaded) => {
        if (!live) return;
        setConfig(loaded);
        try {
          localStorage.setItem(storageKey, loaded.organisationName);
        } catch {
          // Private mode: nothing to remember it in.
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return <ConsoleConfigContext.Provider value={config}>{children}</ConsoleConfigContext.Provider>;
}

/** The configured organisation name, or undefined while it is not known yet. */
export function useOrganisationName(): string | undefined {
  return useContext(ConsoleConfigContext).organisationName;
}
