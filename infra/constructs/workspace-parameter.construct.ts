// The workspace as an SSM parameter (standard tier up to 4 KB, advanced beyond; gzip+base64 over 8 KB), with a version hash.
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { SSM_STANDARD_LIMIT, type SynthWorkspace } from '../config.js';
import { workspaceVersion } from '../../functions/aws/deployed-workspace.js';

export class WorkspaceParameter extends Construct {
  readonly parameter: ssm.StringParameter;
  /** Changes whenever the workspace does; functions carry it so their cached copy is replaced. */
  readonly version: string;

  constructor(scope: Construct, id: string, props: { workspace: SynthWorkspace }) {
    super(scope, id);
    const { json, bytes, workspace } = props.workspace;
    // The functions refuse a parameter value whose hash is not this version (edited outside cdk deploy).
    this.version = workspaceVersion(json);
    this.parameter = new ssm.StringParameter(this, 'Parameter', {
      stringValue: json,
      tier: bytes > SSM_STANDARD_LIMIT ? ssm.ParameterTier.ADVANCED : ssm.ParameterTier.STANDARD,
      description: `Marquee workspace "${workspace.name}" (validated at synth; ${props.workspace.compressed ? 'JSON {"gzip": base64}' : 'JSON'})`,
    });
  }
}
