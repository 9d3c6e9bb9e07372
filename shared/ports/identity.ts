// Sign-in port: who a browser session or a bearer token belongs to, checked against the customer's identity provider.

/** A signed-in person, as the provider's ID token says. */
export interface Identity {
  /** The provider's stable user id (`sub`). */
  sub: string;
  email?: string;
  name?: string;
  /** When the token stops being valid (epoch seconds). */
  expiresAt: number;
}

/** Checks an ID token (signature against the provider's keys, issuer, audience, expiry); rejects anything else. */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

/**
 * Where to send people to sign in (OpenID Connect authorization code flow with PKCE) and how to check what comes
 * back: a Cognito user pool and its hosted UI, or any OIDC provider the customer names.
 */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  /** Where the provider ends its own session (Cognito's /logout); unset = only our cookie is cleared. */
  logoutUrl?: string;
  scopes: string[];
  /** How the provider's logout endpoint takes the return address: Cognito wants `logout_uri` + `client_id`, OIDC `post_logout_redirect_uri`. */
  logoutStyle?: 'cognito' | 'oidc';
}
