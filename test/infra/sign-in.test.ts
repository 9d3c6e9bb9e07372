// Synth: the page and API behind a real sign-in on AWS: the Cognito user pool, hosted UI domain and app client (default),
// or the customer's OIDC provider; the settings parameter the query function reads; no dependency cycle; cdk-nag clean.
import { describe, expect, it } from 'vitest';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readInfraConfig } from '../../infra/config.js';
import { iamStatements, resourcesOf, synth, type Synthesized } from './support.js';

type Props = Record<string, unknown>;

function queryFunction(s: Synthesized): [string, Props] {
  const [id, f] = Object.entries(resourcesOf(s.appTemplate, 'AWS::Lambda::Function')).find(([, f]) => String(f.Properties!.Description).includes('query API'))!;
  return [id, f.Properties!];
}
const envOf = (p: Props) => (p.Environment as { Variables: Record<string, unknown> }).Variables;

/** Logical ids each resource depends on (Ref, Fn::GetAtt, DependsOn), for a cycle check like CloudFormation's. */
function hasCycle(template: { Resources: Record<string, { DependsOn?: string | string[] } & Props> }): string | null {
  const ids = new Set(Object.keys(template.Resources));
  const deps = new Map<string, Set<string>>();
  const walk = (v: unknown, out: Set<string>) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, out));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'Ref' && typeof x === 'string' && ids.has(x)) out.add(x);
        else if (k === 'Fn::GetAtt' && Array.isArray(x) && ids.has(String(x[0]))) out.add(String(x[0]));
        else walk(x, out);
      }
    }
  };
  for (const [id, r] of Object.entries(template.Resources)) {
    const out = new Set<string>();
    walk(r.Properties ?? {}, out);
    for (const d of [r.DependsOn ?? []].flat()) out.add(d);
    deps.set(id, out);
  }
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]): string | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...path, id].join(' -> ');
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) {
      const c = visit(d, [...path, id]);
      if (c) return c;
    }
    state.set(id, 2);
    return null;
  };
  for (const id of ids) {
    const c = visit(id, []);
    if (c) return c;
  }
  return null;
}

describe('sign-in with Cognito (the default)', () => {
  it('creates a user pool for invited people only, with MFA, a strong password policy and threat protection', async () => {
    const s = await synth();
    s.appTemplate.resourceCountIs('AWS::Cognito::UserPool', 1);
    s.appTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UsernameAttributes: ['email'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has a hosted UI domain and a public app client (code flow, PKCE) that returns to the query URL', async () => {
    const s = await synth();
    s.appTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: { 'Fn::Join': ['-', ['marquee', { Ref: 'AWS::AccountId' }]] } });
    const clients = Object.values(resourcesOf(s.appTemplate, 'AWS::Cognito::UserPoolClient')).map((c) => c.Properties as Props);
    expect(clients).toHaveLength(1);
    const client = clients[0]!;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: expect.arrayContaining(['openid', 'email', 'profile']),
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: 480,
      TokenValidityUnits: expect.objectContaining({ IdToken: 'minutes' }),
    });
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.CallbackURLs).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^QueryFnFunctionUrl/), 'FunctionUrl'] }, 'auth/callback']] }]);
    expect(client.LogoutURLs).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^QueryFnFunctionUrl/), 'FunctionUrl'] }]);
  });

  it("gives the query function the settings parameter's name and read access to it, without a dependency cycle", async () => {
    const s = await synth();
    const [fnId, fn] = queryFunction(s);
    expect(envOf(fn).AUTH_PARAMETER).toBe('/Marquee/sign-in');
    s.appTemplate.hasResourceProperties('AWS::SSM::Parameter', { Name: '/Marquee/sign-in', Type: 'String' });
    const param = Object.values(resourcesOf(s.appTemplate, 'AWS::SSM::Parameter')).find((p) => p.Properties!.Name === '/Marquee/sign-in')!;
    const value = JSON.stringify(param.Properties!.Value);
    for (const k of ['issuer', 'clientId', 'authorizeUrl', 'tokenUrl', 'logoutUrl', 'jwksUrl']) expect(value).toContain(k);
    expect(value).toMatch(/UserPoolClient|WebClient/);
    expect(value).toContain('/oauth2/authorize');
    const role = (fn.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const reads = iamStatements(s.appTemplate).filter((st) => st.policy.startsWith(role.replace(/Role[0-9A-F]{8}$/, 'RoleDefaultPolicy')) && JSON.stringify(st.Resource).includes('parameter/Marquee/sign-in'));
    expect(reads.map((st) => st.Action)).toEqual(['ssm:GetParameter']);
    expect(fnId).toMatch(/^QueryFn/);
    expect(hasCycle(s.appTemplate.toJSON() as never)).toBeNull();
  });

  it('stays cdk-nag clean with no new suppression (MFA required, Plus tier, strong passwords)', async () => {
    const s = await synth();
    const cognitoFindings = new AwsSolutionsChecks(s.app)
      .validateScope(s.marquee)
      .violations.filter((v) => /COG/.test(v.ruleName));
    expect(cognitoFindings).toEqual([]);
  });
});

describe('sign-in with your own OIDC provider', () => {
  it('writes the issuer, client and scopes to the parameter, creates no user pool, and outputs the callback to register', async () => {
    const s = await synth({ signIn: 'oidc', oidcIssuer: 'https://login.studio.example/oauth2/default', oidcClientId: '0oa1marquee', oidcScopes: 'openid email groups' });
    s.appTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
    const param = Object.values(resourcesOf(s.appTemplate, 'AWS::SSM::Parameter')).find((p) => p.Properties!.Name === '/Marquee/sign-in')!;
    expect(JSON.parse(param.Properties!.Value as string)).toEqual({ issuer: 'https://login.studio.example/oauth2/default', clientId: '0oa1marquee', scopes: ['openid', 'email', 'groups'], logoutStyle: 'oidc' });
    expect(envOf(queryFunction(s)[1]).AUTH_PARAMETER).toBe('/Marquee/sign-in');
    const outputs = s.appTemplate.findOutputs('*');
    expect(Object.entries(outputs).find(([k]) => k.startsWith('SignInCallbackUrl'))![1].Value).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^QueryFnFunctionUrl/), 'FunctionUrl'] }, 'auth/callback']] });
  });

  it('refuses an incomplete OIDC configuration with one line naming the key', () => {
    const ctx = (c: Record<string, unknown>) => (k: string) => c[k];
    expect(() => readInfraConfig(ctx({ signIn: 'oidc', oidcIssuer: 'https://idp.example' }))).toThrow(/oidcClientId: signIn=oidc needs the client id/);
    expect(() => readInfraConfig(ctx({ signIn: 'oidc', oidcClientId: 'x' }))).toThrow(/oidcIssuer/);
    expect(() => readInfraConfig(ctx({ oidcIssuer: 'https://idp.example', oidcClientId: 'x' }))).toThrow(/signIn: set signIn=oidc/);
    expect(() => readInfraConfig(ctx({ stackPrefix: 'AwsMarquee' }))).toThrow(/cognitoDomainPrefix/);
  });
});

describe('no sign-in', () => {
  it('signIn=none leaves API keys alone, with a warning', async () => {
    const s = await synth({ signIn: 'none' });
    s.appTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
    s.appTemplate.resourceCountIs('AWS::SSM::Parameter', 0);
    expect(envOf(queryFunction(s)[1]).AUTH_PARAMETER).toBeUndefined();
    Annotations.fromStack(s.marquee).hasWarning('*', Match.stringLikeRegexp('signIn=none'));
  });
});
