// The deployed workspace is exactly the value synth wrote (by its version hash), validated again with the one workspace schema.
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceForSynth } from '../../../infra/config.js';
import { workspaceVersion } from '../../../functions/aws/deployed-workspace.js';
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

  it('names the bad keys of a deployed workspace the schema refuses, one line each, as the CLI and synth do', async () => {
    const load = async (value: unknown) => {
      const text = JSON.stringify(value);
      ssm.on(GetParameterCommand).resolves({ Parameter: { Value: text } });
      return loadWorkspaceParameter(new SSMClient({ region: 'us-east-1' }), 'ws', workspaceVersion(text));
    };
    const source = { id: 'x', kind: 'rss', url: 'https://x.example/feed', enabled: true, tags: [], schedule: { every: '15m' } };
    await expect(load({ ...synth.workspace, sources: [{ ...source, kind: 'atom' }] })).rejects.toThrow(
      "workspace parameter ws: sources[0].kind: Invalid discriminator value. Expected 'rss' | 'html' | 'boxoffice' | 'youtube' | 'pageviews'",
    );
    await expect(load({ ...synth.workspace, sources: [{ ...source, url: '', enabled: 'yes' }] })).rejects.toThrow(
      'workspace parameter ws: sources[0].url: Too small: expected string to have >=1 characters; sources[0].enabled: Invalid input: expected boolean, received string',
    );
    await expect(load([])).rejects.toThrow('workspace parameter ws: (top level): Invalid input: expected object, received array');
    // The same schema as synth's: what the hand-written checker never looked at is checked too.
    await expect(load({ ...synth.workspace, timezone: 'Mars/Base' })).rejects.toThrow('workspace parameter ws: timezone: unknown IANA timezone');
  });
});
