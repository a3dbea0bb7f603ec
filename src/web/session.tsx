import { createContext, type ReactNode, startTransition, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '../contracts/auth.js';
import { can, type Permission } from '../domain/permissions.js';
import { api, setCsrfToken, setUnauthenticatedHandler } from './api/client.js';

interface Session {
  me: Me | null;
  loading: boolean;
  setMe(me: Me | null): void;
  /**
   * Ends the session. `andThen` (e.g. navigating to the login page) is applied in the same
   * render as the sign-out: the router updates the location in a transition, so clearing
   * the user on its own would first render the current, guarded page without a user.
   */
  logout(andThen?: () => void): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const setMe = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    api<Me>('GET', '/auth/me')
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, [setMe]);

  const logout = useCallback(
    async (andThen?: () => void) => {
      const out = await api<{ endSessionUrl: string | null }>('POST', '/auth/logout').catch(() => undefined);
      // A session opened through the Comune's identity provider signs out there too, which comes back to /login.
      if (out?.endSessionUrl) {
        window.location.assign(out.endSessionUrl);
        return;
      }
      startTransition(() => {
        andThen?.();
        setMe(null);
      });
    },
    [setMe],
  );

  const value = useMemo<Session>(
    () => ({ me, loading, setMe, logout, can: (permission) => (me ? can(me.role, permission) : false) }),
    [me, loading, setMe, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
