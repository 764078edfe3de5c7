import type { IncomingMessage } from 'node:http';

/**
 * Why a body was refused, named as body-parser names it, so that both ways in give the client
 * the same answer (body-errors.ts).
 */
export type BodyRefusal = 'entity.parse.failed' | 'entity.too.large' | 'request.aborted';

export type JsonBody = { readonly body: unknown } | { readonly refusal: BodyRefusal };

/**
 * Whether {@link readJsonBody} reads this request's body as express.json would: JSON in UTF-8,
 * not compressed. Anything else (another charset, gzip) is left to express.json.
 */
export function isPlainJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (type === undefined) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const [media = '', ...parameters] = type.split(';');
  if (media.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=');
    return name.trim().toLowerCase() !== 'charset' || /^"?utf-8"?$/i.test(value.trim());
  });
}

/**
 * Reads a JSON request body of at most `limitBytes` as express.json does in strict mode: an
 * object or an array, an empty body as `{}`. A declared length over the limit is refused before
 * anything is read; the caller then closes the connection rather than reading on.
 */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<JsonBody> {
  const declared = Number(req.headers['content-length']);
  if (declared > limitBytes) return Promise.resolve({ refusal: 'entity.too.large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const done = (result: JsonBody) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        req.pause();
        done({ refusal: 'entity.too.large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () =>
      done(parseStrict(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    const onAbort = () => done({ refusal: 'request.aborted' });
    req.on('data', onData).once('end', onEnd).once('error', onAbort).once('aborted', onAbort);
  });
}

function parseStrict(text: string): JsonBody {
  const start = text.trimStart();
  if (start === '') return { body: {} };
  // Strict, as express.json: a bare string or number is not a request.
  if (start[0] !== '{' && start[0] !== '[') return { refusal: 'entity.parse.failed' };
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { refusal: 'entity.parse.failed' };
  }
}
