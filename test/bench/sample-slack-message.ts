// Writes docs/sample-slack-message.json: a real alert payload from the demo cycle, as the webhook (a loopback stand-in) received it.
// Run: npx tsx test/bench/sample-slack-message.ts   (also prints every demo alert message as plain text)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { SlackWebhookChat } from '../../shared/delivery/chat/slack-webhook.chat.js';
import { validateBlocks } from '../../shared/delivery/alerts/blocks.js';
import type { ChatBlock } from '../../shared/ports/chat.js';
import { openLocalRuntime } from '../../functions/local/local-runtime.js';
import { startDemo } from '../../functions/local/demo.js';
import { startSlackSink } from '../support/slack-sink.js';

const OUT = fileURLToPath(new URL('../../docs/sample-slack-message.json', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'marquee-sample-slack-'));
const sink = await startSlackSink();
const demo = await startDemo();
const runtime = await openLocalRuntime(resolveConfig({}, { dataDir: dir, outDir: join(dir, 'out') }), demo.workspace, { inMemory: true });

/** A rough plain-text rendering of Block Kit, for the docs and the console. */
function render(blocks: ChatBlock[]): string {
  const unlink = (s: string) => s.replace(/<([^|>]+)\|([^>]*)>/g, '$2').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return blocks
    .map((b) => (b.type === 'header' ? `# ${b.text.text}` : b.type === 'section' ? unlink(b.text.text) : b.type === 'context' ? b.elements.map((e) => `  ${unlink(e.text)}`).join('\n') : '---'))
    .join('\n');
}

try {
  const report = await runCycle(demo.workspace, { ...runtime, chat: new SlackWebhookChat(sink.url) }, { force: true });
  const payloads = sink.deliveries().map((d) => d.json as { text: string; blocks: ChatBlock[] });
  for (const p of payloads) {
    const problems = validateBlocks(p);
    if (problems.length) throw new Error(`invalid payload: ${problems.join('; ')}`);
    console.log(`${render(p.blocks)}\n`);
  }
  // The sample: a single collision whose story ran in several outlets (header, dates, slate title, "also in").
  const score = (p: { blocks: ChatBlock[] }) => {
    const json = JSON.stringify(p.blocks);
    const single = p.blocks.length === 3 && p.blocks[0]?.type === 'header' && p.blocks[0].text.text.startsWith('🚨');
    return (single ? 100 : 0) + (json.includes('→') ? 10 : 0) + (json.match(/ · </g)?.length ?? 0);
  };
  const sample = [...payloads].sort((a, b) => score(b) - score(a))[0]!;
  await writeFile(OUT, `${JSON.stringify(sample, null, 2)}\n`);
  console.log(`${report.alerts.sent} alerts in ${report.alerts.messages} messages; wrote ${OUT}`);
} finally {
  await runtime.close();
  await demo.close();
  await sink.close();
  await rm(dir, { recursive: true, force: true });
}
