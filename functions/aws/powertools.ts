// Powertools Logger and Metrics for the Lambda handlers, and the Logger port on top of the Powertools logger.
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Logger } from '../../shared/ports/logger.js';
import { METRICS_NAMESPACE } from './metric-names.js';

export { DIGEST_CHECK_DELAY_MINUTES, METRIC, METRICS_NAMESPACE, SERVICE } from './metric-names.js';

export interface Telemetry {
  logger: PowertoolsLogger;
  metrics: Metrics;
}

/** One logger and one metrics buffer per container, tagged with the function's service name. */
export function createTelemetry(serviceName: string): Telemetry {
  return {
    logger: new PowertoolsLogger({ serviceName }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }),
  };
}

/** The shared Logger port backed by Powertools: `extra` becomes top-level keys of the JSON log line. */
export function loggerPort(logger: PowertoolsLogger): Logger {
  return {
    debug: (message, extra) => logger.debug(message, extra ?? {}),
    info: (message, extra) => logger.info(message, extra ?? {}),
    warn: (message, extra) => logger.warn(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  };
}
