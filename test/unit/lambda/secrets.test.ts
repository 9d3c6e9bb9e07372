// Secrets through Parameter Store's Secrets Manager reference: plain or one-key JSON, with decryption; failures are one clear line.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { readSecret, secretReference } from '../../../functions/aws/secrets.js';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());
const client = () => new SSMClient({ region: 'us-east-1' });

describe('readSecret', () => {
  it('reads /aws/reference/secretsmanager/<name> with decryption and returns a plain secret as is', async () => {
    ssm.on(GetParameterCommand, { Name: secretReference('marquee/slack'), WithDecryption: true }).resolves({ Parameter: { Value: 'https://hooks.slack.com/services/T/B/x\n' } });
    await expect(readSecret(client(), 'marquee/slack')).resolves.toBe('https://hooks.slack.com/services/T/B/x');
  });

  it('unwraps a one-key JSON secret and refuses an ambiguous one', async () => {
    ssm.on(GetParameterCommand).resolvesOnce({ Parameter: { Value: '{"apiKey":"sk-test"}' } }).resolvesOnce({ Parameter: { Value: '{"a":"1","b":"2"}' } });
    await expect(readSecret(client(), 'marquee/openai')).resolves.toBe('sk-test');
    await expect(readSecret(client(), 'marquee/openai')).rejects.toThrow('secret marquee/openai: a JSON secret must hold exactly one string value');
  });

  it('names the secret when it cannot be read', async () => {
    ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: 'not found', $metadata: {} }));
    await expect(readSecret(client(), 'marquee/openai')).rejects.toThrow(/^secret marquee\/openai: could not read it \(ParameterNotFound: not found\)$/);
  });
});
