/**
 * Attempt deadlines on one shared timer. A timer per attempt costs a timer list and a native re-arm on every call
 * (calls that succeed clear it again); here one timer is armed for the earliest deadline and left armed when that
 * attempt settles first: it wakes, finds nothing due and re-arms for the next deadline, if any. The timer keeps the
 * process alive only while a deadline is pending, as a timer per attempt would.
 *
 * @internal
 */

/** A pending deadline. */
export interface Deadline {
  readonly at: number
  readonly expire: () => void
}

/** `setTimeout`'s largest delay; a longer wait is taken in steps. */
const MAX_DELAY = 2_147_483_647

const pending = new Set<Deadline>()
let timer: ReturnType<typeof setTimeout> | undefined
/** When the armed timer fires (`Infinity` when none is armed). */
let armedAt = Number.POSITIVE_INFINITY

/** Keeps the process alive (or not) while the timer is armed; a no-op where timers have no `ref`/`unref`. */
const hold = (keep: boolean): void => {
  const armed: unknown = timer
  if (typeof armed !== "object" || armed === null) return
  const method: unknown = Reflect.get(armed, keep ? "ref" : "unref")
  if (typeof method === "function") method.call(armed)
}

const arm = (at: number, now: number): void => {
  if (timer !== undefined) clearTimeout(timer)
  armedAt = at
  timer = setTimeout(wake, Math.min(MAX_DELAY, Math.max(1, Math.ceil(at - now))))
}

const wake = (): void => {
  timer = undefined
  armedAt = Number.POSITIVE_INFINITY
  const now = performance.now()
  let next = Number.POSITIVE_INFINITY
  for (const deadline of pending) {
    if (deadline.at <= now) {
      pending.delete(deadline)
      deadline.expire()
    } else if (deadline.at < next) next = deadline.at
  }
  if (next !== Number.POSITIVE_INFINITY) arm(next, now)
}

/** Runs `expire` once `millis` have passed, unless {@link clearDeadline} ran first. */
export const setDeadline = (millis: number, expire: () => void): Deadline => {
  const now = performance.now()
  const deadline: Deadline = { at: now + millis, expire }
  pending.add(deadline)
  if (deadline.at < armedAt) arm(deadline.at, now)
  else if (pending.size === 1) hold(true)
  return deadline
}

/** Drops a deadline that has not expired (a no-op once it has). */
export const clearDeadline = (deadline: Deadline): void => {
  if (pending.delete(deadline) && pending.size === 0) hold(false)
}
