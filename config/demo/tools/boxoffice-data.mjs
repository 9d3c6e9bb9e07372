// One consistent data model for the demo box-office charts (BOM weekend + daily, The Numbers weekend).
// Weekend index: 0 = 2026 W44 (Oct 30-Nov 1), 1 = W45 (Nov 6-8), 2 = W46 (Nov 13-15), 3 = W47 (Nov 20-22).
// All grosses in dollars. `prev` is the weekend before our window (W43, Oct 23-25), needed for %± LW / LW rank.
// `pre` is the cumulative gross through Thursday Oct 29 (before W44) for titles already in release.

export const WEEKENDS = [
  { index: 0, week: 44, fri: '2026-10-30', sun: '2026-11-01' },
  { index: 1, week: 45, fri: '2026-11-06', sun: '2026-11-08' },
  { index: 2, week: 46, fri: '2026-11-13', sun: '2026-11-15' },
  { index: 3, week: 47, fri: '2026-11-20', sun: '2026-11-22' },
];

// Weekday (Mon-Thu) gross after weekend i, as a share of weekend i's gross.
// After W44: post-Halloween slump; after W45: Veterans Day (Wed Nov 11) bump; after W46: normal week.
export const WEEKDAY_RATIO = [0.36, 0.46, 0.38];
export const FAMILY_WEEKDAY_BONUS = 0.06;

// Daily chart: Wed Nov 25, 2026 (day before Thanksgiving). Shares of the W47 weekend gross.
export const DAILY = {
  date: '2026-11-25',
  mon: 0.118, // Mon Nov 23
  tue: 0.142, // Tue Nov 24 (YD)
  wed: 0.158, // Wed Nov 25
  familyWedBonus: 0.03,
  lastWeekWed: 0.104, // Wed Nov 18, share of the W46 weekend gross
};

/** @type {Array<{id:string,title:string,tnTitle?:string,dist:string,tnDist:string,release:string,family?:boolean,
 *   prev?:[number,number,number], pre?:number, wk:Array<null|[number,number]>, est?:boolean[], daily?:{gross:number,theaters:number,estimated?:boolean}}>} */
export const FILMS = [
  // ---- already in release before W44 ----
  { id: 'hollowmere', title: 'Hollowmere', dist: 'Universal Pictures', tnDist: 'Universal', release: '2026-10-16',
    prev: [15812440, 3702, 2], pre: 66742115,
    wk: [[11904330, 3612], [5088915, 2950], [2604118, 2120], [1304802, 1380]] },
  { id: 'red-canyon-run', title: 'Red Canyon Run', dist: 'Lionsgate', tnDist: 'Lionsgate', release: '2026-10-23',
    prev: [16402116, 3488, 1], pre: 22951870,
    wk: [[8911205, 3488], [4602733, 3110], [2402662, 2460], [1206117, 1420]] },
  { id: 'last-cartographer', title: 'The Last Cartographer', dist: 'Warner Bros.', tnDist: 'Warner Bros.', release: '2026-10-09',
    prev: [12933560, 3801, 3], pre: 102846211,
    wk: [[8306977, 3540], [5604118, 3015], [3417206, 2430], [2104009, 1805]] },
  { id: 'ember-falls', title: 'Ember Falls', dist: 'Harbor Light Pictures', tnDist: 'Harbor Light', release: '2026-10-23',
    prev: [12104985, 3105, 4], pre: 17003448,
    wk: [[7418062, 3105], [4887236, 2870], [3108440, 2410], [1902335, 1760]] },
  { id: 'night-shift', title: 'Night Shift at the Gallery', dist: 'Sony Pictures Releasing', tnDist: 'Sony Pictures', release: '2026-10-23',
    prev: [9214803, 3390, 5], pre: 12911402,
    wk: [[5311744, 3390], [3902441, 2905], [2205318, 2330], [1102910, 1400]] },
  { id: 'paws-of-thunder', title: 'Paws of Thunder', dist: 'Paramount Pictures', tnDist: 'Paramount Pictures', release: '2026-10-02', family: true,
    prev: [6702118, 3206, 6], pre: 82615330,
    wk: [[3912650, 2844], [4413280, 2610], [2722019, 2205], [1610227, 1540]] },
  { id: 'sister-marigold', title: 'Sister Marigold', dist: 'Neon', tnDist: 'Neon', release: '2026-10-09',
    prev: [3104422, 1980, 7], pre: 21318776,
    wk: [[2406118, 1650], [905775, 820], null, null] },
  { id: 'velvet-hours', title: 'Velvet Hours', dist: 'A24', tnDist: 'A24', release: '2026-10-09',
    prev: [1902411, 612, 9], pre: 4208119,
    wk: [[2121870, 1104], [1804009, 1150], [1102585, 960], [612008, 640]] },
  { id: 'ferrymans-daughter', title: "The Ferryman's Daughter", dist: 'Focus Features', tnDist: 'Focus Features', release: '2026-10-16',
    prev: [2611093, 1510, 8], pre: 9342008,
    wk: [[2013505, 1422], [1291522, 1102], null, null] },
  { id: 'quarterback-dad', title: 'Quarterback Dad', dist: 'Sony Pictures Releasing', tnDist: 'Sony Pictures', release: '2026-09-18',
    prev: [1702550, 1655, 10], pre: 44870225,
    wk: [[1388214, 1230], [812330, 760], null, null] },
  { id: 'oracle-pine-street', title: 'The Oracle of Pine Street', dist: 'Angel Studios', tnDist: 'Angel Studios', release: '2026-10-02',
    prev: [1318907, 1012, 11], pre: 18640331,
    wk: [[1104387, 905], null, null, null] },
  { id: 'salt-and-cedar', title: 'Salt and Cedar', dist: 'Roadside Attractions', tnDist: 'Roadside Attractions', release: '2026-09-25',
    prev: [1004226, 702, 12], pre: 6911340,
    wk: [[802119, 640], null, null, null] },

  // ---- W44 openers (Halloween weekend) ----
  { id: 'grave-tidings', title: 'Grave Tidings', dist: 'Lionsgate', tnDist: 'Lionsgate', release: '2026-10-30',
    wk: [[13612488, 3254], [5196402, 3254], [2511907, 2802], [1198446, 1650]] },
  { id: 'midnight-parade', title: 'Midnight Parade', dist: 'Sony Pictures Releasing', tnDist: 'Sony Pictures', release: '2026-10-30',
    wk: [[6204915, 2966], [2884107, 2966], [1310044, 1804], null] },

  // ---- W45 openers ----
  { id: 'starbreaker', title: 'Starbreaker', dist: 'Walt Disney Studios Motion Pictures', tnDist: 'Walt Disney', release: '2026-11-06',
    wk: [null, [88412307, 4215], [35804916, 4215], [17612408, 3760]] },
  { id: 'spirit-blade', title: 'Spirit Blade: The Crimson Gate', tnTitle: 'Spirit Blade - The Crimson Gate', dist: 'Crunchyroll', tnDist: 'Crunchyroll', release: '2026-11-06',
    wk: [null, [10902114, 2050], [2688493, 2050], [904512, 1120]], est: [false, false, false, true] },
  { id: 'dil-ki-raah', title: 'Dil Ki Raah', dist: 'Yash Raj Films', tnDist: 'Yash Raj', release: '2026-11-06',
    wk: [null, [2310660, 410], [802113, 236], null] },

  // ---- W46 openers ----
  { id: 'static-girl', title: 'Static Girl', dist: 'Neon', tnDist: 'Neon', release: '2026-11-13',
    wk: [null, null, [31422870, 2870], [16890337, 3105]] },
  { id: 'overtime', title: 'Overtime', dist: 'Paramount Pictures', tnDist: 'Paramount Pictures', release: '2026-11-13',
    wk: [null, null, [9406554, 3012], [4309118, 3012]] },
  { id: 'kingdom-of-salt', title: 'Kingdom of Salt', dist: 'Amazon MGM Studios', tnDist: 'Amazon MGM', release: '2026-11-13',
    wk: [null, null, [7213087, 3410], [2905441, 2455]] },

  // ---- W47 openers ----
  { id: 'glimmerglass', title: 'Glimmerglass', dist: 'Universal Pictures', tnDist: 'Universal', release: '2026-11-20', family: true,
    wk: [null, null, null, [71804225, 4020]] },
  { id: 'fletcher-christmas', title: 'A Very Fletcher Christmas', dist: 'Lionsgate', tnDist: 'Lionsgate', release: '2026-11-20', family: true,
    wk: [null, null, null, [9811604, 3105]] },

  // ---- Wednesday Nov 25 openers (daily chart only) ----
  { id: 'tidepool', title: 'Tidepool', dist: 'Walt Disney Studios Motion Pictures', tnDist: 'Walt Disney', release: '2026-11-25', family: true,
    wk: [null, null, null, null], daily: { gross: 18204115, theaters: 4180, estimated: true } },
  { id: 'brass-key-murders', title: 'The Brass Key Murders', dist: 'Sony Pictures Releasing', tnDist: 'Sony Pictures', release: '2026-11-25',
    wk: [null, null, null, null], daily: { gross: 5604330, theaters: 3020 } },
];

// Theater counts that change between W47 and the Thanksgiving week (daily chart), by film id.
export const DAILY_THEATERS = { 'starbreaker': 3610, 'static-girl': 3105, 'kingdom-of-salt': 1820, 'glimmerglass': 4020 };
// Studios that reported a daily estimate rather than an actual for Nov 25.
export const DAILY_ESTIMATED = new Set(['tidepool', 'glimmerglass']);
