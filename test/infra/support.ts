// Test helpers for the CDK app: builds both stacks without bundling, from a workspace file and context overrides.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildMarqueeApp, type MarqueeApp } from '../../infra/build-app.js';
import { loadWorkspaceForSynth, readInfraConfig, workspaceForSynth } from '../../infra/config.js';
import type { Workspace } from '../../shared/model/workspace.js';

export const FIXTURE_WORKSPACE = 'test/fixtures/crawl/workspace.yaml';

export interface Synthesized extends MarqueeApp {
  app: App;
  storageTemplate: Template;
  appTemplate: Template;
}

/** Builds the app with `context` (as `-c` would give it) and no asset bundling; cdk-nag is run by the tests themselves. */
export async function synth(context: Record<string, unknown> = {}, workspace?: Workspace): Promise<Synthesized> {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const config = readInfraConfig((k) => app.node.tryGetContext(k));
  const ws = workspace ? workspaceForSynth(workspace) : await loadWorkspaceForSynth(FIXTURE_WORKSPACE);
  const built = buildMarqueeApp(app, { config, workspace: ws, nag: false });
  return {
    app,
    ...built,
    storageTemplate: Template.fromStack(built.storage),
    appTemplate: Template.fromStack(built.marquee),
  };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** Resources of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** Every IAM policy statement in a template (AWS::IAM::Policy documents and inline role policies). */
export function iamStatements(template: Template): Array<{ policy: string; Effect: string; Action: string | string[]; Resource: unknown }> {
  const out: Array<{ policy: string; Effect: string; Action: string | string[]; Resource: unknown }> = [];
  for (const [id, r] of Object.entries(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const doc = r.Properties!.PolicyDocument as { Statement: Array<{ Effect: string; Action: string | string[]; Resource: unknown }> };
    for (const s of doc.Statement) out.push({ policy: id, ...s });
  }
  for (const [id, r] of Object.entries(resourcesOf(template, 'AWS::IAM::Role'))) {
    for (const p of (r.Properties!.Policies as Array<{ PolicyDocument: { Statement: Array<{ Effect: string; Action: string | string[]; Resource: unknown }> } }> | undefined) ?? []) {
      for (const s of p.PolicyDocument.Statement) out.push({ policy: id, ...s });
    }
  }
  return out;
}

export const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
