// Types of boxoffice-data.mjs for TypeScript callers (the scale benchmark uses the chart titles).
export const FILMS: Array<{ id: string; title: string; dist: string; [key: string]: unknown }>;
