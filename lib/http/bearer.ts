/**
 * The token of an `Authorization: Bearer …` header, or undefined. The scheme is matched without
 * regard to case (RFC 9110 §11.1), so `bearer` works as well as `Bearer`.
 */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  return match?.[1];
}
