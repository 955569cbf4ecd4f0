// The end of the shared timer is heard as well as seen: a short two-tone beep through WebAudio.
let context: AudioContext | null = null;
let beepsPlayed = 0;

/** How many beeps this page has played (for tests). */
export function beepCount(): number {
  return beepsPlayed;
}

/**
 * Browsers let a page play sound only after the person has interacted with it: the audio context
 * is made on the first press, so that the timer's end is heard even if it comes much later.
 */
export function primeAudioOnFirstPress(): () => void {
  const prime = () => {
    try {
      context ??= new AudioContext();
      void context.resume().catch(() => {});
    } catch {
      // No WebAudio: the end of the timer is only seen.
    }
  };
  window.addEventListener('pointerdown', prime, { once: true, capture: true });
  return () => window.removeEventListener('pointerdown', prime, { capture: true });
}

export function beep(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    void ctx.resume().catch(() => {});
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.6);
    for (const [freq, at] of [
      [880, 0],
      [660, 0.25],
    ] as const) {
      const osc = ctx.createOscillator();
      osc.type = 'sine';
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.22);
    }
    beepsPlayed++;
  } catch {
    // No audio device or WebAudio: the flash and the message still say it.
  }
}
