/** Counts the WebGL contexts a test page creates, so tests can check how many are still alive. */
const contexts: WebGLRenderingContext[] = [];
const originalGetContext = HTMLCanvasElement.prototype.getContext;

/** Starts counting (in a `before` hook); returns the function that stops. */
export function trackWebglContexts(): () => void {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const context = (originalGetContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    if (context && /webgl/.test(type) && !contexts.includes(context as WebGLRenderingContext)) contexts.push(context as WebGLRenderingContext);
    return context;
  } as typeof HTMLCanvasElement.prototype.getContext;
  return () => { HTMLCanvasElement.prototype.getContext = originalGetContext; };
}

export const createdContexts = (): number => contexts.length;
export const liveContexts = (): number => contexts.filter((gl) => !gl.isContextLost()).length;
