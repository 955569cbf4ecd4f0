// The shared countdown as this page sees it: what is left, ticking, and its end signalled once
// (a flash, a beep and "Time is up") when it ends while the page is open.
import { useEffect, useRef, useState } from 'react';
import { type TimerState, timerRemainingMs } from '../../shared/model/index.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { beep } from './beep.ts';

const TICK_MS = 250;
const FLASH_MS = 2400;

export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function useTimer(timer: TimerState | null): { remainingMs: number | null; ended: boolean; flashing: boolean } {
  // Ticks re-render while the timer runs; the time itself is read fresh on every render.
  const [, setTick] = useState(0);
  const [flashing, setFlashing] = useState(false);
  const loadedAt = useRef(Date.now());
  const signalled = useRef<number | null>(null);
  const running = timer?.endsAt !== null && timer !== null;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(id);
  }, [running]);
  const remainingMs = timerRemainingMs(timer, Date.now());
  const ended = running && remainingMs === 0;
  const endsAt = timer?.endsAt ?? null;
  useEffect(() => {
    if (!ended || endsAt === null || signalled.current === endsAt) return;
    signalled.current = endsAt;
    // A timer that ran out before this page opened is shown as ended, without a signal.
    if (endsAt < loadedAt.current) return;
    beep();
    useBoardStore.getState().notify('Time is up');
    setFlashing(true);
    const t = setTimeout(() => setFlashing(false), FLASH_MS);
    return () => clearTimeout(t);
  }, [ended, endsAt]);
  return { remainingMs, ended, flashing };
}
