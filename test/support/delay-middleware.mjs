// A slow connection on demand: any request with `?test-delay-ms=N` is answered N ms late (as a
// phone on a poor network receives a large script), then served as usual.
export function delayMiddleware() {
  return async (ctx, next) => {
    const ms = Number(ctx.query['test-delay-ms']);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 60000)));
    return next();
  };
}
