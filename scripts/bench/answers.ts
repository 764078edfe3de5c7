/**
 * Whether two gateways gave the same answer: the `data` of two MijnOverzicht responses, compared
 * without `opgehaaldOp` (the moment a source was read, different on every request) and without
 * regard to the order of an object's keys.
 */

/** The first place the two differ (`me.zaken.items[2].status`), or undefined when they do not. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return path || '(root)';
    if (a.length !== b.length) return `${path} (${a.length} vs ${b.length} items)`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => key !== 'opgehaaldOp').sort();
    for (const key of keys) {
      const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : path || '(root)';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `data` and the error codes of a parsed GraphQL response. */
export function dataAndErrors(body: unknown): { data: unknown; errorCodes: string[] } {
  if (!isObject(body)) return { data: undefined, errorCodes: ['(no JSON body)'] };
  const errors = Array.isArray(body['errors']) ? body['errors'] : [];
  const errorCodes = errors.map((error) => {
    const code = isObject(error) && isObject(error['extensions']) ? error['extensions']['code'] : undefined;
    return typeof code === 'string' ? code : '(no code)';
  });
  return { data: body['data'], errorCodes };
}
