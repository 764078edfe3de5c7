import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Paths that never reach a log: credentials and personal identifiers. Loggers must only be given
 * structured objects; these paths are censored wherever they occur.
 */
const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'cookie',
  'token',
  '*.token',
  'bsn',
  '*.bsn',
  'kvk',
  '*.kvk',
  'identity',
  '*.identity',
];

/**
 * Creates the process logger: JSON lines on stdout, credentials and BSNs censored. `destination`
 * replaces stdout where the lines must be read back (the log scan test), with the same censoring.
 */
export function createLogger(
  name: string,
  level: LoggerOptions['level'] = 'info',
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    name,
    level,
    redact: { paths: REDACT, censor: '[verwijderd]' },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing, for tests that do not read logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
