// Digest function: the embedded DynamoDB server for the store, SES v2 mocked; sent once per week, SES throttling loses nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SESv2Client, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { createSendDigestHandler } from '../../../functions/lambda/send-digest.handler.js';
import { createAwsRuntime } from '../../../functions/aws/runtime.js';
import { validateWorkspace } from '../../../shared/config/validate-workspace.js';
import { SesMailer } from '../../../shared/delivery/mail/ses.mailer.js';
import { openTestStore, type TestStore } from '../../support/embedded-store.js';
import { quietTelemetry, tableActionOf } from './support.js';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DIGEST_TABLE_ACTIONS } from '../../../infra/constructs/digest.construct.js';
import { DynamoLedger } from '../../../shared/store/dynamo-ledger.js';
import { digestKey } from '../../../shared/delivery/digest/send-digest.js';
import { digestInvocationOwner } from '../../../functions/lambda/send-digest.handler.js';

const ssm = mockClient(SSMClient);
const sesMock = mockClient(SESv2Client);
let db: TestStore;
function recordingDocumentClient() {
  const m = mockClient(DynamoDBDocumentClient);
  m.send.callThrough();
  return m;
}
let ddb: ReturnType<typeof recordingDocumentClient>;

const workspace = validateWorkspace(
  {
    name: 'Digest test',
    timezone: 'America/Los_Angeles',
    sources: [{ id: 'wire', kind: 'rss', url: 'https://wire.example/feed.xml' }],
    recipients: ['team@studio.example'],
  },
  'digest test workspace',
);

function handlerFor(telemetry = quietTelemetry()) {
  const rt = createAwsRuntime({
    TABLE_NAME: db.tableName,
    WORKSPACE_PARAMETER: 'ws',
    MAIL_FROM: 'digest@studio.example',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
  });
  const mailer = new SesMailer(new SESv2Client({ region: 'us-east-1' }));
  return { handler: createSendDigestHandler({ runtime: () => rt, mailer: () => mailer, telemetry }), telemetry };
}

beforeEach(async () => {
  db = await openTestStore();
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  // Calls go through to the embedded server; the mock only records them.
  ddb = recordingDocumentClient();
});
afterEach(async () => {
  ddb.restore();
  ssm.reset();
  sesMock.reset();
  await db.close();
});

describe('digest function', () => {
  it('sends the week once from MAIL_FROM as raw MIME, archives it, and a second run (retry or re-trigger) sends nothing', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const { handler, telemetry } = handlerFor();
    const first = await handler({ week: '2026-W48' });
    expect(first).toMatchObject({ week: '2026-W48', status: 'sent', messageId: 'ses-1' });
    const calls = sesMock.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.FromEmailAddress).toBe('digest@studio.example');
    expect(input.Destination?.ToAddresses).toEqual(['team@studio.example']);
    expect(Buffer.from(input.Content!.Raw!.Data!).toString('utf8')).toMatch(/Content-Type: multipart\//i);
    expect(telemetry.recorded.filter((m) => m.name === 'DigestsSent').map((m) => m.value)).toEqual([1]);

    const again = await handler({ week: '2026-W48' });
    expect(again.status).toBe('already_sent');
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(1);
    // Least privilege that works: every DynamoDB call is one the digest role grants.
    const used = new Set(ddb.calls().map((c) => tableActionOf(c.args[0] as object)));
    expect(used.size).toBeGreaterThan(2);
    for (const action of used) expect(DIGEST_TABLE_ACTIONS as string[]).toContain(action);
  });

  it('SES throttling fails the invocation and releases the week, so the retry sends it exactly once', async () => {
    sesMock
      .on(SendEmailCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } }))
      .resolves({ MessageId: 'ses-2' });
    const { handler } = handlerFor();
    await expect(handler({ week: '2026-W48' })).rejects.toThrow(/SES send failed: Maximum sending rate exceeded/);
    const retry = await handler({ week: '2026-W48' });
    expect(retry).toMatchObject({ status: 'sent', messageId: 'ses-2' });
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(2);
    expect((await handler({ week: '2026-W48' })).status).toBe('already_sent');
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(2);
  });

  it("defaults to the current week in the workspace's timezone and refuses a malformed week", async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-3' });
    const { handler } = handlerFor();
    expect((await handler({})).week).toMatch(/^\d{4}-W\d{2}$/);
    await expect(handler({ week: 'last week' })).rejects.toThrow('event.week must look like 2026-W48, not "last week"');
  });

  it("Lambda's retry of a scheduled invocation that crashed holding the week's claim sends the digest at once, inside the lease", async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-4' });
    const scheduled = { week: '2026-W49', scheduledTime: '2026-12-04T17:30:00Z' };
    // The first attempt claimed the week and died (timeout, out of memory) before it could release or complete it.
    const crashed = new DynamoLedger(db.store.tableAccess, { owner: digestInvocationOwner(scheduled) });
    expect((await crashed.claim(digestKey(workspace.name, '2026-W49'))).status).toBe('claimed');
    const { handler } = handlerFor();
    // Another invocation (a manual run) waits for the lease…
    expect((await handler({ week: '2026-W49' })).status).toBe('in_progress');
    // …the retry of the same scheduled invocation (same input: Lambda's async retries, Scheduler's retries) does not.
    expect(await handler(scheduled)).toMatchObject({ status: 'sent', messageId: 'ses-4' });
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('a scheduled run sends the week of its scheduled time, also when the retry runs later', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-5' });
    const { handler } = handlerFor();
    // Sunday 23:00 in Los Angeles: a retry after midnight must still send that week, not the next.
    expect((await handler({ scheduledTime: '2026-12-07T07:00:00Z' })).week).toBe('2026-W49');
  });

  it('the check an hour after the slot reports a sent week as delivered and sends nothing', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-6' });
    const { handler, telemetry } = handlerFor();
    // MON 08:00 America/Los_Angeles = 16:00 UTC; the check runs at 09:00 local.
    expect(await handler({ scheduledTime: '2026-11-30T16:00:00Z' })).toMatchObject({ week: '2026-W49', status: 'sent' });
    const check = await handler({ check: true, scheduledTime: '2026-11-30T17:00:00Z' });
    expect(check).toEqual({ week: '2026-W49', status: 'checked', sent: true });
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(telemetry.recorded.filter((m) => m.name === 'DigestDelivered')).toHaveLength(2);
    expect(telemetry.recorded.filter((m) => m.name === 'DigestMissing')).toEqual([]);
  });

  it('the check reports DigestMissing when the slot failed, and looks at the slot\'s week across midnight', async () => {
    sesMock.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } }));
    const { handler, telemetry } = handlerFor();
    await expect(handler({ scheduledTime: '2026-12-07T07:00:00Z' })).rejects.toThrow(/SES/);
    // SUN 23:00 local slot: its check runs at MON 00:00, already in the next ISO week; it asks about the slot's week.
    const check = await handler({ check: true, scheduledTime: '2026-12-07T08:00:00Z' });
    expect(check).toEqual({ week: '2026-W49', status: 'checked', sent: false });
    expect(telemetry.recorded.filter((m) => m.name === 'DigestMissing').map((m) => m.value)).toEqual([1]);
    expect(telemetry.recorded.filter((m) => m.name === 'DigestDelivered')).toEqual([]);
  });
});
