/**
 * What the whole console shares: who is signed in, and a one-time notice ("flash") for the next
 * page, e.g. "Anda telah keluar." on the sign-in page.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, ApiError, onAuthRequired, rememberCsrfToken } from './api/client';
import type { Account, FlowKind, Permissions, StepResponse } from './api/types';
import type { MessageKey } from './i18n/i18n';
import { publicPaths as openPaths } from './lib/paths';
import { useNavigate } from './lib/router';
import { flowPaths, stepPaths } from './lib/steps';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; account: Account; permissions: Permissions };

export interface Flash {
  tone: 'success' | 'info';
  key: MessageKey;
}

interface AppState {
  session: SessionState;
  /** Re-reads the session (and its CSRF token); undefined when there is none. */
  refreshSession: () => Promise<Account | undefined>;
  /** Forgets the session and shows the sign-in page with a notice. */
  toSignIn: (flash?: Flash) => void;
  flash: Flash | undefined;
  setFlash: (flash: Flash | undefined) => void;
  /** Goes wherever a sign-in or link step said to go next. */
  followStep: (result: StepResponse, kind?: FlowKind | 'add_device') => Promise<void>;
}

const AppContext = createContext<AppState | undefined>(undefined);

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [flash, setFlash] = useState<Flash | undefined>();
  // React Router's navigate() changes with every location; the callbacks below must not (an
  // effect that depends on them would run again at every step of a flow).
  const latestNavigate = useNavigate();
  const routerNavigate = useRef(latestNavigate);
  routerNavigate.current = latestNavigate;
  const navigate = useCallback(
    (to: string, options?: { replace?: boolean }) => void routerNavigate.current(to, options),
    [],
  );

  const refreshSession = useCallback(async () => {
    try {
      const info = await api.get('/api/v1/session', { redirectOnAuthRequired: false });
      setSession({ status: 'signed-in', account: info.account, permissions: info.permissions });
      return info.account;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setSession({ status: 'anonymous' });
        return undefined;
      }
      throw error;
    }
  }, []);

  const toSignIn = useCallback(
    (next?: Flash) => {
      rememberCsrfToken(undefined);
      setSession({ status: 'anonymous' });
      setFlash(next);
      navigate('/masuk', { replace: true });
    },
    [navigate],
  );

  useEffect(() => {
    onAuthRequired(() => {
      const path = window.location.pathname;
      // The sign-in page, Lupa Password and a link page have no session to lose.
      if (openPaths.has(path) && !flowPaths.has(path)) return;
      toSignIn({ tone: 'info', key: flowPaths.has(path) ? 'signIn.flowExpired' : 'signIn.sessionEnded' });
    });
    refreshSession().catch(() => setSession({ status: 'anonymous' }));
  }, [refreshSession, toSignIn]);

  const followStep = useCallback(
    async (result: StepResponse, kind?: FlowKind | 'add_device') => {
      if (result.next === 'done') {
        // A link flow's last step signs in as a normal sign-in does (the response carries the
        // full session's cookie and CSRF token): the dashboard says what the link achieved.
        await refreshSession();
        setFlash(
          kind && kind !== 'login' && kind !== 'add_device'
            ? { tone: 'success', key: `link.finished.${kind}` }
            : undefined,
        );
        navigate('/', { replace: true });
      } else if (result.next === 'sign_in') {
        // Servers before link flows finished signed in: the user signs in with the new factor.
        rememberCsrfToken(undefined);
        const key: MessageKey =
          kind && kind !== 'login' && kind !== 'add_device' ? `link.done.${kind}` : 'link.done.generic';
        setFlash({ tone: 'success', key });
        navigate('/masuk', { replace: true });
      } else {
        navigate(stepPaths[result.next], { replace: true });
      }
    },
    [refreshSession, navigate],
  );

  const value = useMemo(
    () => ({ session, refreshSession, toSignIn, flash, setFlash, followStep }),
    [session, refreshSession, toSignIn, flash, followStep],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useAppState(): AppState {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppState outside AppStateProvider');
  return value;
}
