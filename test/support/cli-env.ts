// The environment for running the `marquee` bin in tests: this process's, with the model, Slack and mail settings blanked
// (a developer's key or endpoint must never be picked up) and the AWS SDK's Node-version warning off.
export const EMBEDDED_DEFAULTS = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  MARQUEE_ANALYST: '',
  SLACK_WEBHOOK_URL: '',
  SMTP_URL: '',
};

/** `process.env` with the embedded defaults, plus `extra`. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...EMBEDDED_DEFAULTS, ...extra };
}
