// Reads a Secrets Manager secret through Parameter Store's /aws/reference/secretsmanager/ path, with the SSM client every function already has.
// Why not @aws-sdk/client-secrets-manager: it is not a dependency of the project; the reference path needs
// ssm:GetParameter on the reference and secretsmanager:GetSecretValue on the one secret (infra grants both).
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '../../shared/config/errors.js';

/** The SSM parameter name that resolves to Secrets Manager secret `secretName`. */
export function secretReference(secretName: string): string {
  return `/aws/reference/secretsmanager/${secretName}`;
}

/**
 * The secret's string: as stored, or the one string value of a JSON object such as
 * `{"apiKey": "..."}` or `{"webhookUrl": "..."}` (what the console's key/value editor makes).
 */
export async function readSecret(ssm: SSMClient, secretName: string): Promise<string> {
  let value: string | undefined;
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: secretReference(secretName), WithDecryption: true }));
    value = out.Parameter?.Value;
  } catch (err) {
    throw new ConfigError(`secret ${secretName}: could not read it (${(err as Error).name}: ${(err as Error).message})`, { cause: err });
  }
  if (!value) throw new ConfigError(`secret ${secretName}: empty`);
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return trimmed; // Not JSON after all: the string itself is the secret.
  }
  const strings = Object.values(parsed as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
  if (strings.length !== 1) throw new ConfigError(`secret ${secretName}: a JSON secret must hold exactly one string value`);
  return strings[0]!;
}
