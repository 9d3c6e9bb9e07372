// CLI wrapper of the OpenAI stub for manual runs: `npx tsx test/support/openai-stub.server.ts [--port 8787]` prints the base URL.
import { startOpenAiStub } from './openai-stub.js';

const i = process.argv.indexOf('--port');
const port = i >= 0 ? Number(process.argv[i + 1]) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`openai stub: --port must be a port number, got "${process.argv[i + 1]}"\n`);
  process.exit(2);
}
const stub = await startOpenAiStub({ port });
process.stdout.write(`openai stub listening: OPENAI_BASE_URL=${stub.baseUrl}\n`);
const stop = () => {
  process.stdout.write(`openai stub: ${stub.requests.length} chat requests served\n`);
  void stub.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
