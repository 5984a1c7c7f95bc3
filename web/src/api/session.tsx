import { createContext, type ReactNode, useContext } from 'react';
import type { Me, Permission } from '../../../src/http/api-types';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The logged-in principal; only pages inside the shell call it. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside the shell');
  return me;
}

/** Whether the principal holds a permission: pages hide actions it does not allow. */
export function useCan(permission: Permission | undefined): boolean {
  const me = useSession();
  return !permission || me.permissions.includes(permission);
}
