// Digest capability: the entry points the CLI, cycle and Lambda wire (brief, rendering, exactly-once sending, mailers).
export { buildBrief, type BriefDeps } from './build-brief.js';
export type { Brief, Citation, NarrativeSentence } from '../../model/brief.js';
export { renderDigest, escapeHtml, CHART_CID, type RenderedDigest } from './render-digest.js';
export { renderBoxOfficeChart, boxOfficeChartSvg } from './chart.js';
export { sendDigest, digestKey, type SendDigestDeps, type SendDigestOptions, type SendDigestResult } from './send-digest.js';
export { FileMailer } from '../mail/file.mailer.js';
export { SmtpMailer } from '../mail/smtp.mailer.js';
export { SesMailer } from '../mail/ses.mailer.js';
