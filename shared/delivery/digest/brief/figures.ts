// Number formats of the brief: one decimal, and money as "$71.8M" or "$420K".

export const round1 = (n: number) => Math.round(n * 10) / 10;

export const money = (n: number) => (n >= 1e6 ? `$${round1(n / 1e6)}M` : `$${Math.round(n / 1e3)}K`);
