import type { Request, Response } from 'express';

/** One invalid request parameter, as the BRP, ZGW and FBS contracts all spell it. */
export interface InvalidParam {
  /** Only the BRP contract has a per-parameter `type`; the others omit it. */
  type?: string;
  name: string;
  code: string;
  reason: string;
}

/** An RFC 7807/9457 problem document with the members the Dutch government contracts add. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  invalidParams?: InvalidParam[];
}

/** The fixed part of a problem for one status in one contract. */
export interface ProblemTemplate {
  /** A URI, or a function of the request for contracts whose type URIs live on the server (ZGW). */
  type: string | ((req: Request) => string);
  title: string;
  code?: string;
}

/** What a caller may add to a problem: detail, invalid params, or an override of title/code. */
export type ProblemExtras = Partial<Pick<Problem, 'type' | 'detail' | 'title' | 'code' | 'invalidParams'>>;

/**
 * Answers an error in a simulator's wire format. The shared app skeleton uses it for malformed
 * bodies, unknown routes, injected faults and unexpected exceptions, so those look exactly like
 * the errors of the simulated upstream.
 */
export type ErrorResponder = (req: Request, res: Response, status: number, extras?: ProblemExtras) => void;

/** Sends `problem` as `application/problem+json` with its status. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** How one contract describes its errors. */
export interface ProblemDialect {
  /** Templates per HTTP status; statuses without one fall back to `fallback`. */
  readonly catalogue: Readonly<Record<number, ProblemTemplate>>;
  readonly fallback: (status: number) => ProblemTemplate;
  /** The `instance` member: the request path in the BRP, a correlation URN in ZGW and FBS. */
  readonly instance: (req: Request) => string;
}

/** Builds the {@link ErrorResponder} for a contract's problem dialect; an empty `invalidParams` is left out. */
export function problemResponder(dialect: ProblemDialect): ErrorResponder {
  return (req, res, status, extras = {}) => {
    const template = dialect.catalogue[status] ?? dialect.fallback(status);
    const { invalidParams, ...rest } = extras;
    sendProblem(res, {
      type: rest.type ?? (typeof template.type === 'function' ? template.type(req) : template.type),
      title: rest.title ?? template.title,
      status,
      ...(rest.detail !== undefined ? { detail: rest.detail } : {}),
      instance: dialect.instance(req),
      ...((rest.code ?? template.code) !== undefined ? { code: rest.code ?? template.code } : {}),
      ...(invalidParams && invalidParams.length > 0 ? { invalidParams } : {}),
    });
  };
}

/** The request path without its query string, as the BRP API puts it in `instance`. */
export function requestPath(req: Request): string {
  return new URL(req.originalUrl, 'http://simulator').pathname;
}
