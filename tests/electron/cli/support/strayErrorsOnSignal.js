// Loaded with `node --import` into a real `commonplace` process by the test: on SIGUSR2 it makes
// background work fail the two ways nothing catches (a rejection nobody awaits, an exception
// thrown from a timer), as a failing outbox entry or adapter would.
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('injected: a background write failed'));
  setTimeout(() => {
    throw new Error('injected: a timer threw');
  }, 10);
});
