// Browser sign-in for the query app: a Cognito user pool with its hosted UI (default) or the customer's OIDC provider,
// and the SSM parameter from which the query function reads where to send people and how to check their tokens.
import { Aws, CfnOutput, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { InfraConfig } from '../config.js';

export interface SignInProps {
  config: Pick<
    InfraConfig,
    | 'signIn'
    | 'stackPrefix'
    | 'cognitoDomainPrefix'
    | 'signInSessionHours'
    | 'deletionProtection'
    | 'oidcIssuer'
    | 'oidcClientId'
    | 'oidcScopes'
    | 'oidcAuthorizeUrl'
    | 'oidcTokenUrl'
    | 'oidcJwksUrl'
    | 'oidcLogoutUrl'
  >;
  /** The query Function URL ("https://…/", with the slash): sign-in returns to `<url>auth/callback`, sign-out to `<url>`. */
  queryUrl: string;
}

/**
 * The parameter's name is a plain string the query function gets in AUTH_PARAMETER (with ssm:GetParameter on it),
 * not a reference: the app client needs the function's URL as its callback, so the function cannot also reference
 * the client (CloudFormation would see a cycle). The parameter, written after the client, breaks it.
 */
export class SignInConstruct extends Construct {
  readonly parameterName: string;
  readonly parameter: ssm.StringParameter;
  readonly callbackUrl: string;
  readonly userPool?: cognito.UserPool;
  readonly client?: cognito.UserPoolClient;
  readonly domain?: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    const { config } = props;
    if (config.signIn === 'none') throw new Error('SignInConstruct: signIn is none');
    this.parameterName = `/${config.stackPrefix}/sign-in`;
    this.callbackUrl = Fn.join('', [props.queryUrl, 'auth/callback']);
    let settings: Record<string, unknown>;
    if (config.signIn === 'cognito') {
      const session = Duration.hours(config.signInSessionHours);
      this.userPool = new cognito.UserPool(this, 'Users', {
        userPoolName: `${config.stackPrefix}-users`,
        // People are invited by an administrator (admin-create-user): a market-intelligence tool has no public sign-up.
        selfSignUpEnabled: false,
        signInAliases: { email: true },
        autoVerify: { email: true },
        standardAttributes: { email: { required: true, mutable: true } },
        passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
        mfa: cognito.Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
        accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
        // Plus: compromised-credential checks and adaptive authentication, enforced (about $0.02 per active user a month).
        featurePlan: cognito.FeaturePlan.PLUS,
        standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
        deletionProtection: config.deletionProtection,
        removalPolicy: config.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      this.domain = this.userPool.addDomain('HostedUi', {
        cognitoDomain: { domainPrefix: config.cognitoDomainPrefix ?? Fn.join('-', [config.stackPrefix.toLowerCase(), Aws.ACCOUNT_ID]) },
      });
      this.client = this.userPool.addClient('WebClient', {
        userPoolClientName: `${config.stackPrefix}-web`,
        // A public client: the code exchange is protected by PKCE, and no client secret has to be kept anywhere.
        generateSecret: false,
        authFlows: {},
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
          callbackUrls: [this.callbackUrl],
          logoutUrls: [props.queryUrl],
        },
        supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        idTokenValidity: session,
        accessTokenValidity: session,
        refreshTokenValidity: Duration.days(1),
      });
      // Only the hosted UI signs people in: no password or SRP flows straight against the pool (Cognito's default when
      // the list is left out), only refresh. CDK leaves the list out when no flow is chosen, so it is set here.
      (this.client.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
      const hostedUi = this.domain.baseUrl();
      settings = {
        issuer: this.userPool.userPoolProviderUrl,
        clientId: this.client.userPoolClientId,
        authorizeUrl: `${hostedUi}/oauth2/authorize`,
        tokenUrl: `${hostedUi}/oauth2/token`,
        logoutUrl: `${hostedUi}/logout`,
        jwksUrl: `${this.userPool.userPoolProviderUrl}/.well-known/jwks.json`,
        scopes: ['openid', 'email', 'profile'],
        logoutStyle: 'cognito',
      };
      new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId, description: 'invite people: aws cognito-idp admin-create-user --user-pool-id <id> --username <email>' });
      new CfnOutput(this, 'HostedUiUrl', { value: hostedUi, description: 'the Cognito hosted sign-in page' });
    } else {
      settings = {
        issuer: config.oidcIssuer!.replace(/\/+$/, ''),
        clientId: config.oidcClientId!,
        scopes: config.oidcScopes.split(' '),
        logoutStyle: 'oidc',
        // Left out: discovered from the issuer's /.well-known/openid-configuration when the function starts.
        ...(config.oidcAuthorizeUrl ? { authorizeUrl: config.oidcAuthorizeUrl } : {}),
        ...(config.oidcTokenUrl ? { tokenUrl: config.oidcTokenUrl } : {}),
        ...(config.oidcJwksUrl ? { jwksUrl: config.oidcJwksUrl } : {}),
        ...(config.oidcLogoutUrl ? { logoutUrl: config.oidcLogoutUrl } : {}),
      };
    }
    this.parameter = new ssm.StringParameter(this, 'Settings', {
      parameterName: this.parameterName,
      description: 'Marquee query app: where browsers sign in and how their ID tokens are checked (not secret)',
      stringValue: Stack.of(this).toJsonString(settings),
    });
    new CfnOutput(this, 'CallbackUrl', { value: this.callbackUrl, description: config.signIn === 'oidc' ? 'register this redirect URI (and <QueryUrl> as the sign-out URL) at your OIDC provider' : 'where the hosted UI returns after sign-in' });
  }
}
