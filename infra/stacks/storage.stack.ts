// Stateful stack: the single DynamoDB table and the raw-snapshot bucket, exported under stable names.
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE } from '../../shared/store/table.js';
import type { InfraConfig } from '../config.js';

export interface StorageStackProps extends StackProps {
  config: Pick<
    InfraConfig,
    'stackPrefix' | 'deletionProtection' | 'snapshotInfrequentAccessDays' | 'snapshotGlacierDays' | 'snapshotExpiryDays' | 'noncurrentVersionExpiryDays'
  >;
}

/** Export names of the stateful resources; the stateless stack imports them by these names only. */
export function storageExportNames(prefix: string) {
  return {
    tableName: `${prefix}-TableName`,
    tableArn: `${prefix}-TableArn`,
    bucketName: `${prefix}-SnapshotBucketName`,
    bucketArn: `${prefix}-SnapshotBucketArn`,
  };
}

/** The storage as another stack sees it: imported by export name, so neither stack holds the other's tokens. */
export function importStorage(scope: Construct, prefix: string): { table: dynamodb.ITableV2; bucket: s3.IBucket } {
  const names = storageExportNames(prefix);
  return {
    // By name: the ARN is then formatted in the importing stack (same account and region).
    table: dynamodb.TableV2.fromTableName(scope, 'Table', Fn.importValue(names.tableName)),
    bucket: s3.Bucket.fromBucketAttributes(scope, 'SnapshotBucket', {
      bucketName: Fn.importValue(names.bucketName),
      bucketArn: Fn.importValue(names.bucketArn),
    }),
  };
}

/** S3 lifecycle for raw snapshots: Standard-IA, then Glacier Instant Retrieval, then gone. */
export function snapshotLifecycle(config: StorageStackProps['config']): s3.LifecycleRule {
  const transitions: s3.Transition[] = [];
  // A transition on or after the expiry day would be refused by S3; drop it instead.
  if (config.snapshotInfrequentAccessDays < config.snapshotExpiryDays) {
    transitions.push({ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(config.snapshotInfrequentAccessDays) });
  }
  if (config.snapshotGlacierDays < config.snapshotExpiryDays) {
    transitions.push({ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(config.snapshotGlacierDays) });
  }
  return {
    id: 'snapshots',
    transitions,
    expiration: Duration.days(config.snapshotExpiryDays),
    // Versioning keeps what is deleted or overwritten (expiry, purge, a bad write) this long, then it is gone.
    noncurrentVersionExpiration: Duration.days(config.noncurrentVersionExpiryDays),
    abortIncompleteMultipartUploadAfter: Duration.days(1),
  };
}

/** Removes delete markers left alone once their noncurrent versions have expired (S3 wants it in a rule of its own). */
const DELETE_MARKERS: s3.LifecycleRule = { id: 'expired-delete-markers', expiredObjectDeleteMarker: true };

export class StorageStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly snapshots: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: key(TABLE.partitionKey),
      sortKey: key(TABLE.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.ttlAttribute,
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: config.deletionProtection,
      removalPolicy,
      globalSecondaryIndexes: TABLE.indexes.map((ix) => ({
        indexName: ix.name,
        partitionKey: key(ix.partitionKey),
        sortKey: key(ix.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        { id: 'access-logs', expiration: Duration.days(90), noncurrentVersionExpiration: Duration.days(config.noncurrentVersionExpiryDays) },
        DELETE_MARKERS,
      ],
      removalPolicy,
    });
    // No AwsSolutions-S1 suppression needed: cdk-nag recognizes it as the snapshot bucket's log destination.

    this.snapshots = new s3.Bucket(this, 'Snapshots', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'snapshots/',
      versioned: true,
      lifecycleRules: [snapshotLifecycle(config), DELETE_MARKERS],
      removalPolicy,
    });

    const names = storageExportNames(config.stackPrefix);
    new CfnOutput(this, 'TableName', { value: this.table.tableName, exportName: names.tableName });
    new CfnOutput(this, 'TableArn', { value: this.table.tableArn, exportName: names.tableArn });
    new CfnOutput(this, 'SnapshotBucketName', { value: this.snapshots.bucketName, exportName: names.bucketName });
    new CfnOutput(this, 'SnapshotBucketArn', { value: this.snapshots.bucketArn, exportName: names.bucketArn });
  }
}
