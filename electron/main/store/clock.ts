// Version clocks: deviceId → that device's sequence number at its latest change of one
// record (a note, a watched mark). The one place a clock is compared, joined or bumped.
import { dict, type Clock, type StoreData } from './schema';

/** Every component of `a` is ≤ the same component of `b` (missing components are 0). */
export function clockLeq(a: Clock, b: Clock): boolean {
  for (const [k, n] of Object.entries(a)) {
    const m = Object.hasOwn(b, k) ? b[k] : undefined;
    if (n > 0 && !(m !== undefined && n <= m)) return false;
  }
  return true;
}

/** Componentwise maximum, as a new prototype-free record. */
export function clockJoin(a: Clock | undefined, b: Clock | undefined): Clock {
  const out = dict(a);
  if (b) {
    for (const [k, n] of Object.entries(b)) {
      const have = Object.hasOwn(out, k) ? out[k] : undefined;
      if (have === undefined || n > have) out[k] = n;
    }
  }
  return out;
}

export const sameClock = (a: Clock | undefined, b: Clock | undefined) => a === b || (!!a && !!b && clockLeq(a, b) && clockLeq(b, a));

/**
 * This device changed a record whose history is `clock`: a copy of it with this device's
 * next sequence number. The only place `deviceSeq` grows, so no number is used twice.
 */
export function bumpClock(data: Pick<StoreData, 'deviceId' | 'deviceSeq'>, clock?: Clock): Clock {
  const out = dict(clock);
  out[data.deviceId] = ++data.deviceSeq;
  return out;
}
