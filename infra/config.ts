// Synth-time configuration: CDK context keys with defaults, validated once; the workspace file validated by the app's own schema.
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ConfigError } from '../shared/config/errors.js';
import { ANALYST_MODES, DEFAULT_ANALYST, DEFAULT_MODEL } from '../shared/config/defaults.js';
import { formatIssues } from '../shared/config/validate-workspace.js';
import { loadWorkspaceFile } from '../shared/config/workspace-file.js';
import type { Workspace } from '../shared/model/workspace.js';

/** `-c key=value` arrives as a string, cdk.json as JSON: accept both. */
const Bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const Int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Log retention values CloudWatch accepts. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const InfraConfig = z
  .object({
    workspace: z.string().min(1).default('config/demo/workspace.yaml').describe('Workspace file validated at synth and deployed as a KMS-encrypted Secrets Manager secret'),
    stackPrefix: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,40}$/, 'letters, digits and dashes, starting with a letter').default('Marquee'),
    crawlEveryMinutes: Int(1, 1440).default(15).describe('How often the planner runs'),
    crawlBatchSize: Int(1, 10).default(5).describe('SQS records per crawl worker invocation'),
    crawlMaxConcurrency: Int(2, 1000).default(5).describe('Concurrent crawl workers (SQS event source maximum concurrency)'),
    maxReceiveCount: Int(1, 100).default(3).describe('Deliveries before a message goes to its dead-letter queue'),
    logRetentionDays: z.coerce
      .number()
      .refine((n) => (RETENTION_DAYS as readonly number[]).includes(n), `one of ${RETENTION_DAYS.join(', ')}`)
      .default(30),
    deletionProtection: Bool.default(true).describe('Table deletion protection and RETAIN on stateful resources'),
    snapshotInfrequentAccessDays: Int(30, 3650).default(30),
    snapshotGlacierDays: Int(31, 3650).default(90),
    snapshotExpiryDays: Int(1, 3650).default(365),
    noncurrentVersionExpiryDays: Int(1, 365).default(30).describe('Days an overwritten or deleted object version is kept (both buckets are versioned)'),
    alarmEmail: z.string().email().optional().describe('Subscribed to the alarm topic when set'),
    analyzeBatchSize: Int(1, 10).default(5).describe('SQS records (each up to 100 item ids) per analyze worker invocation'),
    analyzeMaxConcurrency: Int(2, 1000).default(2).describe('Concurrent analyze workers: low, clustering reads then writes stories'),
    analyst: z.enum(ANALYST_MODES).default(DEFAULT_ANALYST).describe('auto = LLM when openaiSecretName is set, embedded rules otherwise'),
    openaiSecretName: z.string().min(1).optional().describe('Secrets Manager secret (name) holding the OpenAI API key'),
    openaiBaseUrl: z.string().url().optional().describe('OpenAI-compatible endpoint (default api.openai.com)'),
    model: z.string().min(1).default(DEFAULT_MODEL),
    tokenBudget: Int(1_000, 100_000_000).optional().describe("Tokens the LLM analyst may spend per analyze message (MARQUEE_TOKEN_BUDGET); unset = the workspace's analyst.tokenBudget, else 200000"),
    llmFallbackAlarmPercent: Int(1, 100).default(20).describe('Alarm when this share (percent) or more of the stories the LLM analyst was given in an hour went to the embedded rules (model failures)'),
    slackWebhookSecretName: z.string().min(1).optional().describe('Secrets Manager secret (name) holding the Slack incoming-webhook URL; unset = no alerts'),
    mailFrom: z.string().email().optional().describe('Sender address of the weekly digest; unset = no digest function'),
    sesIdentity: z.string().min(3).optional().describe('SES identity to create and send as: a domain, or an address (default: mailFrom)'),
    digestDay: z.enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']).default('MON'),
    digestHour: Int(0, 23).default(8).describe("Local hour (the workspace's timezone) of the weekly digest"),
    digestMinute: Int(0, 59).default(0),
    linkSecretName: z.string().min(1).optional().describe('Secrets Manager secret (name) holding the HMAC secret of "flag as wrong" links; unset = no signed links in alerts and answers'),
    apiRateLimit: Int(1, 10_000_000).default(120).describe('Query API requests a minute per API key or signed-in user, counted in the table so every container shares it'),
    apiCacheSeconds: Int(0, 3600).default(10).describe('Seconds the query API reuses a read result or an answer'),
    queryConcurrency: Int(1, 1000).default(10).describe('Reserved concurrency of the query function: bounds cost and the load on the table'),
    signIn: z.enum(['cognito', 'oidc', 'none']).default('cognito').describe('Browser sign-in for the page and API: a Cognito user pool with its hosted UI, your own OIDC provider, or none (API keys only)'),
    cognitoDomainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and dashes')
      .refine((p) => !/aws|amazon|cognito/.test(p), 'may not contain "aws", "amazon" or "cognito"')
      .optional()
      .describe('Hosted UI domain prefix (<prefix>.auth.<region>.amazoncognito.com); default <stackPrefix>-<account id>'),
    signInSessionHours: Int(1, 24).default(8).describe('How long a sign-in lasts (ID token validity) before the browser goes back to the provider'),
    oidcIssuer: z.string().url().optional().describe('signIn=oidc: the provider\'s issuer URL (its /.well-known/openid-configuration is read at run time)'),
    oidcClientId: z.string().min(1).optional().describe('signIn=oidc: the client id registered at the provider (a public client with PKCE; callback <QueryUrl>auth/callback)'),
    oidcScopes: z.string().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/).default('openid email profile').describe('signIn=oidc: scopes asked for, space-separated (openid required)'),
    oidcAuthorizeUrl: z.string().url().optional(),
    oidcTokenUrl: z.string().url().optional(),
    oidcJwksUrl: z.string().url().optional(),
    oidcLogoutUrl: z.string().url().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.sesIdentity && c.mailFrom && c.sesIdentity.includes('@') ? c.sesIdentity !== c.mailFrom : c.sesIdentity && c.mailFrom && !c.mailFrom.toLowerCase().endsWith(`@${c.sesIdentity.toLowerCase()}`)) {
      ctx.addIssue({ code: 'custom', path: ['sesIdentity'], message: 'must be mailFrom itself or the domain of mailFrom' });
    }
    if (c.sesIdentity && !c.mailFrom) ctx.addIssue({ code: 'custom', path: ['mailFrom'], message: 'is required when sesIdentity is set' });
    if (c.analyst === 'llm' && !c.openaiSecretName && !c.openaiBaseUrl) {
      ctx.addIssue({ code: 'custom', path: ['analyst'], message: 'llm needs openaiSecretName or openaiBaseUrl' });
    }
    if (c.signIn === 'oidc') {
      if (!c.oidcIssuer?.startsWith('https://')) ctx.addIssue({ code: 'custom', path: ['oidcIssuer'], message: 'signIn=oidc needs the https issuer URL of your provider' });
      if (!c.oidcClientId) ctx.addIssue({ code: 'custom', path: ['oidcClientId'], message: 'signIn=oidc needs the client id registered at your provider' });
      if (!c.oidcScopes.split(' ').includes('openid')) ctx.addIssue({ code: 'custom', path: ['oidcScopes'], message: 'must include openid' });
    }
    if (c.signIn !== 'oidc' && (c.oidcIssuer || c.oidcClientId)) ctx.addIssue({ code: 'custom', path: ['signIn'], message: 'set signIn=oidc to use oidcIssuer/oidcClientId' });
    if (/aws|amazon|cognito/i.test(c.stackPrefix) && c.signIn === 'cognito' && !c.cognitoDomainPrefix) {
      ctx.addIssue({ code: 'custom', path: ['cognitoDomainPrefix'], message: 'the default hosted UI prefix would contain the stackPrefix, which has a word Cognito refuses (aws, amazon, cognito): set cognitoDomainPrefix' });
    }
    if (c.snapshotGlacierDays <= c.snapshotInfrequentAccessDays) {
      ctx.addIssue({ code: 'custom', path: ['snapshotGlacierDays'], message: 'must be after snapshotInfrequentAccessDays' });
    }
  });
export type InfraConfig = z.infer<typeof InfraConfig>;

/** Reads every key of {@link InfraConfig} from the CDK context; a bad value fails with one line naming the key. */
export function readInfraConfig(tryGetContext: (key: string) => unknown): InfraConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(InfraConfig.shape)) {
    const value = tryGetContext(key);
    if (value !== undefined && value !== null && value !== '') raw[key] = value;
  }
  const result = InfraConfig.safeParse(raw);
  if (!result.success) throw new ConfigError(`cdk context: ${formatIssues(result.error.issues)}`);
  return result.data;
}

/** Standard SSM parameters hold 4 KB, advanced ones 8 KB. */
export const SSM_STANDARD_LIMIT = 4096;
export const SSM_ADVANCED_LIMIT = 8192;

export interface SynthWorkspace {
  workspace: Workspace;
  /** What the workspace secret stores: the validated workspace as JSON, or `{"gzip":"<base64>"}` of it when large. */
  json: string;
  bytes: number;
  compressed: boolean;
}

/**
 * Loads and validates the workspace file with the same zod schema the functions use at run time,
 * so a bad workspace fails `cdk synth` (one line naming the file and key), never a deployed function.
 */
export async function loadWorkspaceForSynth(path: string): Promise<SynthWorkspace> {
  const workspace = await loadWorkspaceFile(path);
  return workspaceForSynth(workspace, path);
}

/**
 * Serializes a validated workspace for its secret (read through an SSM reference): plain JSON when it fits an advanced
 * parameter (readable in the console), gzip+base64 inside JSON when not (about four times the
 * room), and a clear error when even that is too big.
 */
export function workspaceForSynth(workspace: Workspace, name = 'workspace'): SynthWorkspace {
  const plain = JSON.stringify(workspace);
  const plainBytes = Buffer.byteLength(plain, 'utf8');
  if (plainBytes <= SSM_ADVANCED_LIMIT) return { workspace, json: plain, bytes: plainBytes, compressed: false };
  const json = JSON.stringify({ gzip: gzipSync(plain, { level: 9 }).toString('base64') });
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > SSM_ADVANCED_LIMIT) {
    throw new ConfigError(
      `${name}: ${plainBytes} bytes as JSON (${bytes} compressed), over the ${SSM_ADVANCED_LIMIT}-byte limit of an SSM parameter; split it or shorten it`,
    );
  }
  return { workspace, json, bytes, compressed: true };
}
