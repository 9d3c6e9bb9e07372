// CDK entry point (cdk.json "app"): reads context, validates the workspace file, builds the stacks; bad input is one line.
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../shared/config/errors.js';
import { loadWorkspaceForSynth, readInfraConfig } from './config.js';
import { buildMarqueeApp } from './build-app.js';

const app = new App();
try {
  const config = readInfraConfig((key) => app.node.tryGetContext(key));
  const workspace = await loadWorkspaceForSynth(config.workspace);
  buildMarqueeApp(app, { config, workspace });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  // A user's mistake: what and where, no stack trace (cdk prints its own "exited with error" after it).
  process.stderr.write(`marquee: ${err.message}\n`);
  process.exit(1);
}
