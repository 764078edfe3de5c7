import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, context, propagation, trace, ROOT_CONTEXT } from '@opentelemetry/api';

/**
 * OpenTelemetry traces across the gateway, the subgraphs and their upstream calls, sent to an
 * OTLP/HTTP collector. Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set: then, and only then, the SDK is loaded, so a
 * process without a collector pays nothing. Each process traces its incoming GraphQL requests
 * ({@link traceRequests}, continuing the caller's `traceparent`), Apollo Gateway adds its
 * planning and fetch spans, and every undici call (to a subgraph, to an upstream) becomes a client
 * span that passes `traceparent` on. Spans carry routes and source names, never a BSN, a token or
 * a request body.
 */

export interface Tracing {
  /** Sends what is buffered and stops; call on shutdown. */
  shutdown(): Promise<void>;
}

let active = false;

/** Whether this process traces (so request middleware can stay out of the way when it does not). */
export function tracingActive(): boolean {
  return active;
}

/**
 * Starts tracing for `service` when the environment names an OTLP endpoint; null otherwise.
 * Standard `OTEL_*` variables configure the exporter (endpoint, headers, timeout).
 */
export async function startTracing(
  service: string,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Tracing | null> {
  const base = environment['OTEL_EXPORTER_OTLP_ENDPOINT'];
  const url =
    environment['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!url) return null;
  const [
    { TracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { AsyncLocalStorageContextManager },
    core,
    resources,
    undici,
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation-undici'),
  ]);
  const provider = new TracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': `profielservice-${service}` }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }), scheduledDelayMillis: 1_000 })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new core.W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const instrumentation = new undici.UndiciInstrumentation({
    // Name spans by method and host; a query string may hold a search term, so it is left out.
    requestHook: (span, request) => {
      span.updateName(`${request.method} ${request.origin}`);
      span.setAttribute('url.full', `${request.origin}${request.path.split('?')[0] ?? ''}`);
      span.setAttribute('url.query', '');
    },
  });
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  active = true;
  return {
    async shutdown() {
      active = false;
      instrumentation.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * A server span for each request on `route`, continuing the trace the caller sent in
 * `traceparent`; everything the request does below runs in it. Mount after the body is read, so
 * the request's async context is the span's.
 */
export function traceRequests(route: string) {
  const tracer = trace.getTracer('profielservice');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!active) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.route': route } },
      parent,
    );
    res.once('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
