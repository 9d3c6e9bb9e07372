// The deployed workspace is checked without zod: exactly the value synth wrote (by its version hash), and the shape the functions use.
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceForSynth } from '../../../infra/config.js';
import { checkWorkspaceShape, workspaceVersion } from '../../../functions/aws/deployed-workspace.js';
import { loadWorkspaceParameter } from '../../../functions/aws/workspace-parameter.js';
import { workspaceWith } from './support.js';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());

describe('deployed workspace', () => {
  const synth = workspaceForSynth(workspaceWith(['a', 'b']));

  it('accepts the value synth wrote when its hash is WORKSPACE_VERSION, and returns the validated workspace', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: synth.json } });
    const ws = await loadWorkspaceParameter(new SSMClient({ region: 'us-east-1' }), '/aws/reference/secretsmanager/ws', workspaceVersion(synth.json));
    expect(ws).toEqual(synth.workspace);
    // The workspace is a Secrets Manager secret: its reference parameter is read with decryption.
    expect(ssm.commandCalls(GetParameterCommand)[0]!.args[0].input).toEqual({ Name: '/aws/reference/secretsmanager/ws', WithDecryption: true });
  });

  it('refuses a value edited outside cdk deploy, saying what to do', async () => {
    const edited = JSON.stringify({ ...synth.workspace, name: 'hand edit' });
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: edited } });
    await expect(loadWorkspaceParameter(new SSMClient({ region: 'us-east-1' }), 'ws', workspaceVersion(synth.json))).rejects.toThrow(
      /workspace parameter ws: its value is not the one this stack deployed .* run cdk deploy/,
    );
  });

  it('names the bad keys of a workspace without the shape the functions rely on', () => {
    const bad = { ...synth.workspace, sources: [{ id: 'x', kind: 'atom', url: '', enabled: true, tags: [], schedule: { every: '15m' } }] };
    expect(() => checkWorkspaceShape(bad, 'here')).toThrow('here: sources[0].kind: expected "rss", "html", "boxoffice", "youtube" or "pageviews"; sources[0].url: expected a URL');
    expect(() => checkWorkspaceShape([], 'here')).toThrow('here: (top level): expected an object');
  });
});
