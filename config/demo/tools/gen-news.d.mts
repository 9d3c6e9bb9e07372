// Types of gen-news.mjs for TypeScript callers (the scale benchmark).
import type { DemoStory } from './news-site.mjs';
export const DEMO_STORIES: DemoStory[];
