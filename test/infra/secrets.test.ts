// Every function that reads a Secrets Manager secret is granted GetSecretValue on an ARN pattern a real secret ARN matches (name + "-??????").
import { beforeAll, describe, expect, it } from 'vitest';
import { asArray, iamStatements, resourcesOf, synth, type Synthesized } from './support.js';

const SECRETS = { openaiSecretName: 'marquee/openai', slackWebhookSecretName: 'marquee/slack', linkSecretName: 'marquee/links' };
const ENV_OF: Record<string, keyof typeof SECRETS> = {
  OPENAI_SECRET_NAME: 'openaiSecretName',
  SLACK_SECRET_NAME: 'slackWebhookSecretName',
  LINK_SECRET_NAME: 'linkSecretName',
};
const PSEUDO: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': 'us-east-1', 'AWS::AccountId': '123456789012' };

/** Flattens a CloudFormation string (Fn::Join of literals and pseudo-parameter Refs) as it would deploy in us-east-1. */
function resolve(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (v.Ref && PSEUDO[v.Ref]) return PSEUDO[v.Ref]!;
  if (v['Fn::Join']) return v['Fn::Join'][1].map(resolve).join(v['Fn::Join'][0]);
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

/** IAM's resource matching: `*` any run of characters, `?` exactly one. */
function iamMatches(pattern: string, arn: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(arn);
}

/** Secrets Manager appends a dash and six random characters to the name in every secret's ARN. */
const realArn = (name: string, suffix = 'AbC123') => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-${suffix}`;

let s: Synthesized;
beforeAll(async () => {
  s = await synth({ ...SECRETS, mailFrom: 'digest@studio.example' });
});

function workspaceSecretId(): string {
  return Object.keys(resourcesOf(s.appTemplate, 'AWS::SecretsManager::Secret'))[0]!;
}

function secretReaders() {
  const out: Array<{ id: string; description: string; secrets: string[]; patterns: string[] }> = [];
  for (const [id, fn] of Object.entries(resourcesOf(s.appTemplate, 'AWS::Lambda::Function'))) {
    const vars = ((fn.Properties!.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
    const secrets = Object.keys(ENV_OF).filter((k) => vars[k] !== undefined).map((k) => SECRETS[ENV_OF[k]!]);
    const roleId = (fn.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const policies = Object.entries(resourcesOf(s.appTemplate, 'AWS::IAM::Policy'))
      .filter(([, p]) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .map(([pid]) => pid);
    const resources = iamStatements(s.appTemplate)
      .filter((st) => policies.includes(st.policy) && asArray(st.Action).includes('secretsmanager:GetSecretValue'))
      .flatMap((st) => asArray(st.Resource));
    // The workspace secret is the stack's own (its exact ARN, `Ref`): every function reads it, apart from these.
    const workspace = resources.filter((r) => JSON.stringify(r) === JSON.stringify({ Ref: workspaceSecretId() }));
    expect(workspace, String(fn.Properties!.Description)).toHaveLength(1);
    const patterns = resources.filter((r) => !workspace.includes(r)).map(resolve);
    out.push({ id, description: String(fn.Properties!.Description), secrets, patterns });
  }
  return out;
}

describe('secret grants', () => {
  it('the analyze worker (OpenAI, Slack, link) and the query API (OpenAI, link) read their secrets', () => {
    const readers = secretReaders().filter((r) => r.secrets.length > 0);
    const by = (text: string) => readers.find((r) => r.description.includes(text))!;
    expect(by('analyze new items').secrets.sort()).toEqual(['marquee/links', 'marquee/openai', 'marquee/slack']);
    expect(by('query API').secrets.sort()).toEqual(['marquee/links', 'marquee/openai']);
  });

  it('every function that reads a secret may GetSecretValue on the real secret ARN (with its random suffix), and only on its own secrets', () => {
    const readers = secretReaders();
    expect(readers.filter((r) => r.secrets.length > 0).length).toBeGreaterThanOrEqual(2);
    for (const r of readers) {
      // One pattern per secret the function reads, none for one it does not.
      expect(r.patterns, r.description).toHaveLength(r.secrets.length);
      for (const name of r.secrets) {
        const pattern = r.patterns.find((p) => p.includes(`:secret:${name}-`));
        expect(pattern, `${r.description}: ${name}`).toBe(`arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-??????`);
        expect(iamMatches(pattern!, realArn(name)), `${r.description}: ${name}`).toBe(true);
        // Not a broader pattern: another secret that merely starts with the same name is not readable.
        expect(iamMatches(pattern!, realArn(`${name}-old`)), `${r.description}: ${name}-old`).toBe(false);
      }
      for (const other of Object.values(SECRETS).filter((n) => !r.secrets.includes(n))) {
        expect(r.patterns.some((p) => iamMatches(p, realArn(other))), `${r.description} must not read ${other}`).toBe(false);
      }
    }
  });
});
