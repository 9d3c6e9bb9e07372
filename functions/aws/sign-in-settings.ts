// The query function's sign-in settings: the SSM parameter the stack writes (Cognito user pool or the customer's OIDC
// provider), read once per container and turned into the app's SignInDeps.
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '../../shared/config/errors.js';
import { completeSignInSettings, createTokenVerifier, parseSignInSettings } from '../../shared/auth/sign-in.js';
import type { SignInSettings, TokenVerifier } from '../../shared/ports/identity.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { SignInDeps } from '../http/sign-in-routes.js';

/** Why a parameter rather than environment variables: the app client's callback URL is the function's own URL, so the
 * client id cannot be in the function's environment without a dependency cycle (infra/constructs/sign-in.construct.ts). */
export async function readSignInParameter(ssm: SSMClient, name: string): Promise<ReturnType<typeof parseSignInSettings>> {
  let value: string | undefined;
  try {
    value = (await ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value;
  } catch (err) {
    throw new ConfigError(`sign-in parameter ${name}: could not read it (${(err as Error).name}: ${(err as Error).message})`, { cause: err });
  }
  if (!value) throw new ConfigError(`sign-in parameter ${name}: empty`);
  return parseSignInSettings(value, `sign-in parameter ${name}`);
}

/** SignInDeps over parsed settings: the provider's endpoints discovered and its keys fetched on first use, then kept. */
export function signInDeps(partial: ReturnType<typeof parseSignInSettings>, log?: Logger): SignInDeps {
  let settings: Promise<SignInSettings> | null = null;
  let verifier: Promise<TokenVerifier> | null = null;
  const complete = () =>
    (settings ??= completeSignInSettings(partial).catch((err: unknown) => {
      settings = null;
      throw err;
    }));
  return {
    settings: complete,
    verifier: () => (verifier ??= complete().then((s) => createTokenVerifier(s))),
    ...(log ? { log } : {}),
  };
}
