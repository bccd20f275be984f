// Waiting on an asynchronous call to the supervisor (connect, resolve) from a blocking import:
// the program is suspended until the answer comes or a handled signal interrupts it; an answer
// that comes after an interruption is given back (a late connection is closed).

import { WOULD_BLOCK, type ProcessContext } from './process-context';
import type { HostResult } from './host-function';

export function awaitHostCall<T>(ctx: ProcessContext, call: Promise<T>, finish: (value: T) => number, abandon: (value: T) => void): HostResult {
  let answer: { value: T } | undefined;
  let failure: { error: unknown } | undefined;
  let over = false;
  call.then(
    (value) => {
      if (over) abandon(value);
      else answer = { value };
      ctx.wake();
    },
    (error: unknown) => {
      failure = { error };
      ctx.wake();
    },
  );
  const outcome = ctx.block(() => {
    if (failure) throw failure.error;
    if (!answer) return WOULD_BLOCK;
    over = true;
    return finish(answer.value);
  });
  const settle = (result: number): number => {
    if (!over && answer) abandon(answer.value);
    over = true;
    return result;
  };
  return typeof outcome === 'number' ? settle(outcome) : outcome.then(settle);
}
