import { Agent, type Dispatcher } from 'undici';

/**
 * An undici agent that keeps the abort signal of every request it dispatches, in order: a test
 * can then see whether a call's timeout fired, after the call or during it.
 */
export class SignalWatchingAgent extends Agent {
  readonly signals: AbortSignal[] = [];

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    // undici hands `request`'s options, signal included, on to `dispatch`; its type leaves it out.
    const { signal } = options as Dispatcher.DispatchOptions & { signal?: unknown };
    if (signal instanceof AbortSignal) this.signals.push(signal);
    return super.dispatch(options, handler);
  }
}
