// The query capability: the Hono app (API + web page) on Lambda behind a Function URL; API keys are checked by the app itself.
import { CfnOutput, Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SERVICE } from '../../functions/aws/metric-names.js';
import type { InfraConfig } from '../config.js';
import { MarqueeFunction, type TableAction } from './marquee-function.construct.js';
import type { Monitoring } from './monitoring.construct.js';
import type { WorkspaceSecret } from './workspace-secret.construct.js';

export interface QueryProps {
  table: dynamodb.ITableV2;
  workspace: WorkspaceSecret;
  monitoring: Monitoring;
  config: Pick<InfraConfig, 'analyst' | 'openaiSecretName' | 'openaiBaseUrl' | 'model' | 'apiRateLimit' | 'apiCacheSeconds' | 'queryConcurrency' | 'logRetentionDays' | 'linkSecretName'>;
}

/**
 * Read-only: events, releases, charts, digests (Query on the table and gsi1/gsi2), cited items
 * (BatchGetItem), one event / release / API key (GetItem). API keys are created from a workstation
 * (`npx marquee keys create`), never by this function.
 */
export const QUERY_TABLE_ACTIONS: TableAction[] = ['GetItem', 'BatchGetItem', 'Query'];

/**
 * The only rows the query function writes: answers (audit), flags (feedback), brief reviews,
 * when each API key was last used (KEYUSE#<id>, apart from the keys, which it can never write) and
 * the per-caller request counters of the shared rate limit (RATE#<caller>, one row per minute).
 * DynamoDB's LeadingKeys condition limits Put/Update to those partitions.
 */
export const QUERY_WRITE_PARTITIONS = ['ANSWER#*', 'FLAG#*', 'BRIEF#*', 'KEYUSE#*', 'RATE#*'];

export class QueryConstruct extends Construct {
  readonly fn: MarqueeFunction;
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: QueryProps) {
    super(scope, id);
    const { config } = props;
    this.fn = new MarqueeFunction(this, 'Fn', {
      entry: 'queryApi',
      serviceName: SERVICE.queryApi,
      description: 'Marquee: query API and web page (API keys checked in the app)',
      memoryMb: 1024,
      timeout: Duration.seconds(30),
      logRetention: config.logRetentionDays as logs.RetentionDays,
      environment: {
        MARQUEE_ANALYST: config.analyst,
        MARQUEE_MODEL: config.model,
        MARQUEE_API_RATE_LIMIT: String(config.apiRateLimit),
        MARQUEE_API_CACHE_SECONDS: String(config.apiCacheSeconds),
        ...(config.openaiBaseUrl ? { OPENAI_BASE_URL: config.openaiBaseUrl } : {}),
      },
    })
      .useTable(props.table, QUERY_TABLE_ACTIONS)
      .useWorkspace(props.workspace);
    if (config.openaiSecretName) {
      this.fn.readsSecret(config.openaiSecretName, 'OPENAI_SECRET_NAME');
    }
    if (config.linkSecretName) {
      this.fn.readsSecret(config.linkSecretName, 'LINK_SECRET_NAME');
    }
    this.fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': QUERY_WRITE_PARTITIONS } },
      }),
    );
    // Reserved concurrency bounds what a flood of requests can cost and how hard it can read the table.
    (this.fn.fn.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = config.queryConcurrency;
    // Auth NONE at the URL: the app itself lets in, on every /v1 route, a signed-in person (the sign-in construct's
    // Cognito or OIDC ID token, in a session cookie or as a bearer token) or an API key (hashed in the table,
    // constant-time check), then applies the shared per-caller rate limit; the page shell holds no data. A browser
    // cannot sign IAM requests, so the URL's own IAM auth would shut the page out.
    this.url = this.fn.fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE, invokeMode: lambda.InvokeMode.BUFFERED });
    props.monitoring.watchFunction(this.fn, 'query API');
    new CfnOutput(this, 'Url', { value: this.url.url, description: 'query API and web page; create a key with npx marquee keys create <name> (see docs/deploy.md)' });
  }
}
