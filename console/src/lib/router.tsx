/**
 * The console's router is React Router (declarative mode, `<BrowserRouter>` in main.tsx; the
 * decision and why are in docs/console.md). This module is the one place pages import it from,
 * so a later move to data mode changes imports here only.
 */
export { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';

import { useLocation } from 'react-router';

/** The current path, without search or hash. */
export function usePath(): string {
  return useLocation().pathname;
}
