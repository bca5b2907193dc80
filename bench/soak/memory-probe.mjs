// Preloaded into the soak's server (node --import) so that the soak can read the server's own heap without any
// API or setting in Lectern: it answers 'memory' on the IPC channel the soak opened with process.memoryUsage().
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === 'memory') process.send({ memory: process.memoryUsage() });
  });
  // The channel must not keep a stopping server alive.
  process.channel?.unref();
}
