// The workspace (recipients' addresses included) as a KMS-encrypted Secrets Manager secret written by cdk deploy, with a version hash.
import { SecretValue } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SynthWorkspace } from '../config.js';
import { workspaceVersion } from '../../functions/aws/deployed-workspace.js';
import { acknowledge } from '../nag.js';

/**
 * Why a secret: CloudFormation cannot create an SSM SecureString, and a String parameter keeps
 * the recipients' addresses unencrypted for anyone who may read parameters. A secret is
 * encrypted with KMS (the aws/secretsmanager key) and readable only by the roles granted
 * GetSecretValue on it; the stack still writes exactly what synth validated, in one deploy.
 * The functions read it through Parameter Store's /aws/reference/secretsmanager/ path with the
 * SSM client they already have. (The value is also in the CloudFormation template, as the
 * parameter's was: template access stays with the deployers.)
 */
export class WorkspaceSecret extends Construct {
  readonly secret: secretsmanager.Secret;
  /** Changes whenever the workspace does; functions carry it so their cached copy is replaced. */
  readonly version: string;

  constructor(scope: Construct, id: string, props: { workspace: SynthWorkspace }) {
    super(scope, id);
    const { json, workspace } = props.workspace;
    // The functions refuse a value whose hash is not this version (edited outside cdk deploy).
    this.version = workspaceVersion(json);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      // A generated name: a destroyed stack's secret waits out its recovery window without blocking a redeploy.
      secretStringValue: SecretValue.unsafePlainText(json),
      description: `Marquee workspace "${workspace.name}" (validated at synth; ${props.workspace.compressed ? 'JSON {"gzip": base64}' : 'JSON'})`,
    });
    acknowledge(
      this.secret,
      'SMG4',
      'the workspace is configuration, not a credential: it changes only through cdk deploy, which writes the validated value and rolls the functions',
    );
  }

  /** The Parameter Store name that resolves to the secret (what the functions read). */
  get referenceName(): string {
    return `/aws/reference/secretsmanager/${this.secret.secretName}`;
  }
}
