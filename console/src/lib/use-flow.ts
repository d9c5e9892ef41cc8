/**
 * The sign-in or link flow in progress (GET /api/v1/auth/flow): who is signing in, with which
 * devices, and which step is next. A page for another step sends the user to the right one, so a
 * reload or a bookmarked step page never shows the wrong form.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { FlowInfo, FlowStep } from '../api/types';
import { useNavigate } from './router';
import { stepPaths } from './steps';

export function useFlow(step: FlowStep): { flow: FlowInfo | undefined; error: unknown } {
  const [flow, setFlow] = useState<FlowInfo | undefined>();
  const [error, setError] = useState<unknown>();
  const navigate = useNavigate();
  useEffect(() => {
    let live = true;
    api.get('/api/v1/auth/flow').then(
      (info) => {
        if (!live) return;
        if (info.next && info.next !== step) void navigate(stepPaths[info.next], { replace: true });
        else setFlow(info);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [step, navigate]);
  return { flow, error };
}
