// Counting turns of the event loop while work runs elsewhere: a thread held by one long
// task (a JSON.parse, a merge in one go) counts none meanwhile. A count, not a time, so
// no machine is too slow or too fast for it.
export function turnCounter() {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      on = false;
      return turns;
    },
  };
}
