// The one Lambda function construct every Marquee function uses: runtime, arch, logs, tracing, bundling, and grant+env helpers.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { TABLE } from '../../shared/store/table.js';
import { METRICS_NAMESPACE } from '../../functions/aws/metric-names.js';
import { CHART_ASSETS, CHART_ASSET_DIR } from '../../shared/delivery/digest/chart-assets.js';
import { acknowledgeWildcardResource } from '../nag.js';
import type { WorkspaceSecret } from './workspace-secret.construct.js';

/** Repository root: entries, the lockfile and tsconfig are found from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every Lambda entry point, by function; the bundle benchmark walks the same list. */
export const LAMBDA_ENTRIES = {
  planCrawl: 'functions/lambda/plan-crawl.handler.ts',
  crawlSource: 'functions/lambda/crawl-source.handler.ts',
  analyzeItems: 'functions/lambda/analyze-items.handler.ts',
  sendDigest: 'functions/lambda/send-digest.handler.ts',
  queryApi: 'functions/lambda/query-api.handler.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/** Lambda's newest Node.js runtime (cdk-nag AwsSolutions-L1 asks for the latest of the family). */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * The bundling recipe, as plain esbuild options: the CDK construct maps it to NodejsFunction's
 * bundling props and `test/bench/bundles.bench.ts` feeds it to esbuild's API, so the benchmark
 * measures exactly what is deployed.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies call require(); an ES module has none unless we make one.
  banner: { js: "import { createRequire } from 'module';const require = createRequire(import.meta.url);" },
  // The AWS SDK v3 is NOT bundled: the Lambda Node.js runtime ships it. Bundled, the SDK clients
  // alone were ~600 KB of every function (the crawl worker's budget is 500 KB) and each function
  // froze its own SDK copy. Trade-off: the code runs on the runtime's SDK version, not the one in
  // package-lock.json; it uses only long-stable commands, and the tests run against the pinned one.
  // @smithy/* and @aws-crypto/* are the SDK's own internals, shipped with it.
  external: ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*'] as string[],
  // cheerio is imported as 'cheerio/slim' (htmlparser2 only): no parse5, undici or encoding-sniffer.
  alias: {
    entities: join(PROJECT_ROOT, 'node_modules/entities/dist/esm/index.js'),
    'entities/decode': join(PROJECT_ROOT, 'node_modules/entities/dist/esm/decode.js'),
  } as Record<string, string>,
  logLevel: 'warning',
} as const;

/** What a function's bundle does differently from {@link BUNDLE_OPTIONS} (the crawl worker's recipe). */
export interface FunctionBundling {
  /** Replaces BUNDLE_OPTIONS.alias (the entities dedupe is checked for the crawl worker's parsers only). */
  alias?: Record<string, string>;
  /** Added to BUNDLE_OPTIONS.external. */
  external?: string[];
  /** Installed into the asset's node_modules for Lambda (linux arm64) instead of bundled: native binaries. */
  nodeModules?: string[];
  /** A folder of files the code reads at run time, copied beside the bundle as ./assets (the web page). */
  assets?: string;
  /** Single files the code reads at run time: path beside the bundle -> package path (resolved from the project). A missing one fails synth. */
  files?: Record<string, string>;
}

export const FUNCTION_BUNDLING: Partial<Record<LambdaName, FunctionBundling>> = {
  analyzeItems: { alias: {} },
  // The digest's chart PNG is rendered by resvg's WebAssembly build: its .wasm and the chart's fonts are plain files
  // beside the bundle (no native binary, no npm install at synth, the same PNG on every platform).
  sendDigest: { alias: {}, files: Object.fromEntries(Object.entries(CHART_ASSETS).map(([name, spec]) => [`${CHART_ASSET_DIR}/${name}`, spec])) },
  // The web page's shell, script and stylesheet are files (functions/http/page.ts reads ./assets beside the bundle).
  queryApi: { assets: 'functions/http/assets' },
};

/** The esbuild options of one function (BUNDLE_OPTIONS with its overrides); the bench and the bundle test use them. */
export function bundleOptions(name?: LambdaName) {
  const o = name ? FUNCTION_BUNDLING[name] : undefined;
  return {
    ...BUNDLE_OPTIONS,
    alias: { ...(o?.alias ?? BUNDLE_OPTIONS.alias) },
    external: [...BUNDLE_OPTIONS.external, ...(o?.external ?? [])],
    nodeModules: [...(o?.nodeModules ?? [])],
    assets: o?.assets,
    files: Object.fromEntries(Object.entries(o?.files ?? {}).map(([dest, spec]) => [dest, projectRequire.resolve(spec)])),
  };
}

const projectRequire = createRequire(join(PROJECT_ROOT, 'package.json'));

/** Shell commands that copy a function's run-time files beside its bundle (NodejsFunction's afterBundling hook). */
function copyCommands(inputDir: string, outputDir: string, o: ReturnType<typeof bundleOptions>): string[] {
  const commands = o.assets ? [`cp -R "${join(inputDir, o.assets)}" "${join(outputDir, 'assets')}"`] : [];
  for (const [dest, source] of Object.entries(o.files)) {
    commands.push(`mkdir -p "${dirname(join(outputDir, dest))}"`, `cp "${source}" "${join(outputDir, dest)}"`);
  }
  return commands;
}

/** A function's bundle options as NodejsFunction bundling props. */
export function nodejsBundling(name: LambdaName): BundlingOptions {
  const o = bundleOptions(name);
  return {
    format: OutputFormat.ESM,
    target: o.target,
    minify: o.minify,
    sourceMap: o.sourcemap,
    sourcesContent: o.sourcesContent,
    mainFields: [...o.mainFields],
    banner: o.banner.js,
    externalModules: o.external,
    // Externals above; the SDK comes from the Lambda runtime.
    bundleAwsSDK: false,
    esbuildArgs: Object.fromEntries(Object.entries(o.alias).map(([from, to]) => [`--alias:${from}`, to])),
    ...(o.assets || Object.keys(o.files).length
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) => copyCommands(inputDir, outputDir, o),
          },
        }
      : {}),
    ...(o.nodeModules.length
      ? {
          nodeModules: o.nodeModules,
          // npm picks optional native packages by these, not by the build machine: Lambda runs linux/arm64/glibc.
          environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
        }
      : {}),
  };
}

/** DynamoDB actions a function may be granted; each grant lists exactly what its code calls. */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'BatchWriteItem' | 'BatchGetItem' | 'ConditionCheckItem';

export interface MarqueeFunctionProps {
  /** Key of {@link LAMBDA_ENTRIES}. */
  entry: LambdaName;
  /** Powertools service name: the `service` dimension of its metrics and key of its logs. */
  serviceName: string;
  description: string;
  memoryMb?: number;
  timeout?: Duration;
  logRetention: logs.RetentionDays;
  environment?: Record<string, string>;
  /** Retries of asynchronous invocations (scheduler targets); 0 for work the next run redoes anyway. */
  retryAttempts?: number;
  /** Where a failed asynchronous invocation goes after its retries (scheduler targets). */
  onFailure?: lambda.IDestination;
  /** How old an asynchronous invocation may get while Lambda retries it. */
  maxEventAge?: Duration;
}

/**
 * A NodejsFunction with Marquee's fixed choices (Node 24, ARM64, X-Ray, JSON-logging Powertools,
 * a retained log group, the shared bundling) and its own role with no managed policies. Access
 * to a resource is granted only through the `use*`/`sendsTo` helpers, which set the environment
 * variable naming the resource in the same call.
 */
export class MarqueeFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: MarqueeFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName} function role (Marquee)`,
    });
    // The log group is created here, so the function needs no logs:CreateLogGroup and no managed policy.
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
    );
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: join(PROJECT_ROOT, LAMBDA_ENTRIES[props.entry]),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      retryAttempts: props.retryAttempts,
      onFailure: props.onFailure,
      maxEventAge: props.maxEventAge,
      bundling: nodejsBundling(props.entry),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
    });
    // X-Ray tracing adds xray:PutTraceSegments/PutTelemetryRecords on "*" to the role.
    acknowledgeWildcardResource(
      this.role,
      '*',
      'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions; the statement holds only those two actions',
    );
  }

  /** Grants exactly `actions` on the single table (and its GSIs, for Query) and sets TABLE_NAME. */
  useTable(table: dynamodb.ITableV2, actions: TableAction[], indexes: string[] = TABLE.indexes.map((i) => i.name)): this {
    const resources = [table.tableArn];
    if (actions.includes('Query')) resources.push(...indexes.map((name) => `${table.tableArn}/index/${name}`));
    this.role.addToPolicy(new iam.PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources }));
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /** Grants s3:PutObject (and GetObject with `read`) under `prefix` of the bucket and sets BUCKET_NAME. */
  useBucket(bucket: s3.IBucket, prefix: string, access: { read?: boolean } = {}): this {
    const objects = bucket.arnForObjects(`${prefix}*`);
    const actions = ['s3:PutObject', ...(access.read ? ['s3:GetObject'] : [])];
    this.role.addToPolicy(new iam.PolicyStatement({ actions, resources: [objects] }));
    acknowledgeWildcardResource(this.role, objects, `object keys under "${prefix}" are generated per snapshot; access is limited to that prefix of the one bucket`);
    this.fn.addEnvironment('BUCKET_NAME', bucket.bucketName);
    return this;
  }

  /** Grants sqs:SendMessage on the queue and sets `envName` to its URL. */
  sendsTo(queue: sqs.IQueue, envName: 'CRAWL_QUEUE_URL' | 'ANALYZE_QUEUE_URL'): this {
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    this.fn.addEnvironment(envName, queue.queueUrl);
    return this;
  }

  /**
   * Lets the function read one Secrets Manager secret through Parameter Store's reference path
   * (functions/aws/secrets.ts) and sets `envName` to the secret's name: ssm:GetParameter on the
   * reference, secretsmanager:GetSecretValue on that secret only. A secret's ARN is its name plus
   * "-" and six random characters, so a grant on the bare name (what `fromSecretNameV2().secretArn`
   * gives) matches no secret: the grant is on `<name>-??????`, which matches that one secret and
   * not another whose name merely starts with it.
   */
  readsSecret(secretName: string, envName: 'OPENAI_SECRET_NAME' | 'SLACK_SECRET_NAME' | 'LINK_SECRET_NAME'): this {
    const stack = Stack.of(this);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: `aws/reference/secretsmanager/${secretName}` })],
      }),
    );
    const secretArn = stack.formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${secretName}-??????`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }));
    this.fn.addEnvironment(envName, secretName);
    return this;
  }

  /**
   * Lets the function read the sign-in settings parameter (ssm:GetParameter on that one name) and sets AUTH_PARAMETER.
   * The ARN is built from the name, not referenced, so the parameter may depend on this function's URL.
   */
  useSignIn(parameterName: string): this {
    const stack = Stack.of(this);
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: parameterName.slice(1) })] }));
    this.fn.addEnvironment('AUTH_PARAMETER', parameterName);
    return this;
  }

  /** Grants ses:SendEmail and ses:SendRawEmail on the one SES identity and sets MAIL_FROM. */
  sendsMailAs(identityArn: string, mailFrom: string): this {
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [identityArn] }));
    this.fn.addEnvironment('MAIL_FROM', mailFrom);
    return this;
  }

  /**
   * Lets the function read the workspace secret through its Parameter Store reference
   * (ssm:GetParameter on the reference, secretsmanager:GetSecretValue on that secret), sets
   * WORKSPACE_PARAMETER to the reference and a version that rolls containers on change.
   */
  useWorkspace(workspace: WorkspaceSecret): this {
    const stack = Stack.of(this);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: workspace.referenceName.slice(1) })],
      }),
    );
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [workspace.secret.secretArn] }));
    this.fn.addEnvironment('WORKSPACE_PARAMETER', workspace.referenceName);
    // Containers cache the workspace; a new value changes the configuration, so they are replaced.
    this.fn.addEnvironment('WORKSPACE_VERSION', workspace.version);
    return this;
  }
}

