// Box-office stories. Every figure is pulled from boxoffice-model.mjs so copy and charts agree.
import { M, Mil, T, TMil, drop, theaters, avg, topN, DM, dailyRow } from '../boxoffice-model.mjs';

const toDate = (id) => '$' + (dailyRow(id).toDate / 1e6).toFixed(1) + 'M';

export default [
  // ---------- Weekend 44 (Oct 30-Nov 1) ----------
  { id: 'bo-w44-weekend', type: 'box_office', studios: ['Lionsgate', 'Universal Pictures'], titles: ['Grave Tidings', 'Hollowmere'],
    v: [
      { o: 'dw', at: '11-01 09:40', cat: ['Box Office', 'Film'],
        h: `'Grave Tidings' Scares Up ${M('grave-tidings', 0)} To Win Sleepy Halloween Weekend`,
        b: `Lionsgate's *Grave Tidings* took the top spot this Halloween weekend with ${Mil('grave-tidings', 0)} from ${theaters('grave-tidings', 0)} theaters, edging Universal's third-weekend *Hollowmere* (${M('hollowmere', 0)}, -${drop('hollowmere', 0)}). With Halloween falling on a Saturday, overall business was soft: the top ten grossed about ${topN(0)}.

Lionsgate's *Red Canyon Run* fell to third with ${M('red-canyon-run', 0)}, Warner Bros.' *The Last Cartographer* added ${M('last-cartographer', 0)} for a ${T('last-cartographer', 0)} running total, and Harbor Light's *Ember Falls* held fifth with ${M('ember-falls', 0)} (-${drop('ember-falls', 0)}). Sony's horror-comedy *Midnight Parade* opened sixth with ${M('midnight-parade', 0)}.` },
      { o: 'bp', at: '11-01 10:30', cat: ['Weekend Report'],
        h: `Weekend Report: 'Grave Tidings' Edges 'Hollowmere' as Halloween Lands on Saturday`,
        b: `Saturday Halloweens are always rough, and this one was no exception. *Grave Tidings* led with ${M('grave-tidings', 0)} (${avg('grave-tidings', 0)} per theater), a decent start for a $20M horror film, while *Hollowmere* dipped just ${drop('hollowmere', 0)} to ${M('hollowmere', 0)} thanks to the holiday and has now earned ${T('hollowmere', 0)}.

*Midnight Parade* (${M('midnight-parade', 0)}) is a disappointment for Sony; the horror-comedy needed a $10M start. A24's *Velvet Hours* expanded to ${theaters('velvet-hours', 0)} theaters and rose 12% to ${M('velvet-hours', 0)}. Harbor Light's *Ember Falls* has grossed ${T('ember-falls', 0)} after two weekends.` },
      { o: 'hl', at: '11-01 12:00', cat: ['Movies', 'Box Office'],
        h: `Box Office: Lionsgate's 'Grave Tidings' Wins Halloween Weekend`,
        b: `Lionsgate's horror pic *Grave Tidings* debuted at No. 1 with ${Mil('grave-tidings', 0)}, narrowly beating holdover *Hollowmere*, which scared up ${Mil('hollowmere', 0)} in its third outing.

The Halloween frame, with trick-or-treating on Saturday night, was one of the quietest weekends of the fall. Among other openers, Sony's *Midnight Parade* placed sixth with ${Mil('midnight-parade', 0)}.` },
    ] },

  // ---------- Weekend 45 (Nov 6-8) ----------
  { id: 'bo-w45-previews', type: 'box_office', studios: ['Walt Disney Studios'], titles: ['Starbreaker'],
    v: [
      { o: 'bp', at: '11-06 08:10', cat: ['Daily Box Office'],
        h: `'Starbreaker' Grabs $14.5M in Thursday Previews`,
        b: `Marvel's *Starbreaker* earned $14.5 million from Thursday previews that began at 3 p.m. in ${theaters('starbreaker', 1)} theaters. That's well ahead of most original-character superhero launches and points to an opening in the $82M-$92M range.` },
      { o: 'cc', at: '11-06 10:00', cat: ['Box Office', 'Marvel'],
        h: `'Starbreaker' Previews Point to a Huge Opening Weekend`,
        b: `Marvel's newest hero is off to a fast start. *Starbreaker* made $14.5 million in Thursday night previews, and box office trackers now expect an opening north of $85 million. Not bad for a character most audiences had never heard of a year ago.` },
    ] },
  { id: 'bo-w45-weekend', type: 'box_office', studios: ['Walt Disney Studios', 'Crunchyroll'], titles: ['Starbreaker', 'Spirit Blade: The Crimson Gate'],
    v: [
      { o: 'dw', at: '11-08 09:15', cat: ['Box Office', 'Film', 'Disney'],
        h: `'Starbreaker' Blasts Off With ${M('starbreaker', 1)} Domestic Opening; 'Spirit Blade' Slices ${M('spirit-blade', 1)}`,
        b: `Disney/Marvel Studios' *Starbreaker* opened to ${Mil('starbreaker', 1)} from ${theaters('starbreaker', 1)} theaters, a per-theater average of ${avg('starbreaker', 1)}. PLF and IMAX screens delivered roughly 40% of the gross.

Crunchyroll's *Spirit Blade: The Crimson Gate* placed second with ${M('spirit-blade', 1)} from ${theaters('spirit-blade', 1)} locations. Holdovers were far behind: *The Last Cartographer* took third with ${M('last-cartographer', 1)} (${T('last-cartographer', 1)} cume), *Grave Tidings* fell ${drop('grave-tidings', 1)} to ${M('grave-tidings', 1)}, and Harbor Light's *Ember Falls* eased ${drop('ember-falls', 1)} to ${M('ember-falls', 1)} for ${T('ember-falls', 1)} to date.` },
      { o: 'vi', at: '11-08 10:30', cat: ['Film', 'Box Office'],
        h: `Box Office: 'Starbreaker' Launches Marvel's Newest Hero With $88 Million`,
        b: `*Starbreaker* flew to the top of the domestic box office with ${Mil('starbreaker', 1)}, a healthy start for a character without an existing fan base. Overseas, the film added $121 million for a global debut above $209 million.

The anime feature *Spirit Blade: The Crimson Gate* was a distant second with ${Mil('spirit-blade', 1)}, while family holdover *Paws of Thunder* rose 13% to ${Mil('paws-of-thunder', 1)} as post-Halloween family audiences returned.` },
      { o: 'bp', at: '11-08 11:00', cat: ['Weekend Report'],
        h: `Weekend Estimates: 'Starbreaker' ${M('starbreaker', 1)}; Anime 'Spirit Blade' Opens No. 2`,
        b: `*Starbreaker*: ${M('starbreaker', 1)} from ${theaters('starbreaker', 1)} (${avg('starbreaker', 1)} average). That includes the $14.5M from Thursday previews, for an internal multiplier of 6.1x. Audiences gave it an A- CinemaScore.

*Spirit Blade*: ${M('spirit-blade', 1)}, heavily front-loaded, as anime tends to be. Yash Raj's *Dil Ki Raah* earned ${M('dil-ki-raah', 1)} from just 410 theaters, the best average in the top 15 after *Starbreaker* and *Spirit Blade*. The top ten totaled ${topN(1)}.` },
      { o: 'hl', at: '11-08 12:15', cat: ['Movies', 'Box Office'],
        h: `'Starbreaker' Rules Box Office With ${Mil('starbreaker', 1)} Debut`,
        b: `Marvel Studios' *Starbreaker* dominated the weekend with ${Mil('starbreaker', 1)} in North America. Crunchyroll's *Spirit Blade: The Crimson Gate* was second with ${Mil('spirit-blade', 1)}, and Warner Bros.' *The Last Cartographer* came in third.

Harbor Light's thriller *Ember Falls* finished sixth with ${Mil('ember-falls', 1)} in its third weekend.` },
    ] },

  // ---------- Weekend 46 (Nov 13-15) ----------
  { id: 'bo-w46-weekend', type: 'box_office', studios: ['Walt Disney Studios', 'Neon', 'Amazon MGM Studios', 'Paramount Pictures'], titles: ['Starbreaker', 'Static Girl', 'Kingdom of Salt', 'Overtime'],
    v: [
      { o: 'dw', at: '11-15 09:30', cat: ['Box Office', 'Film', 'Neon'],
        h: `'Static Girl' Shocks With ${M('static-girl', 2)} Opening, Nearly Catching 'Starbreaker' At Weekend Box Office`,
        b: `Nobody saw this coming. Neon's low-budget horror film *Static Girl* opened to ${Mil('static-girl', 2)} from ${theaters('static-girl', 2)} theaters, roughly triple its $9M-$12M tracking and the best opening in Neon's history. It finished just behind *Starbreaker*, which fell ${drop('starbreaker', 2)} in its second weekend to ${M('starbreaker', 2)} (${T('starbreaker', 2)} cume).

Paramount's sports drama *Overtime* opened third with ${M('overtime', 2)}. The weekend's big loser was Amazon MGM's historical epic *Kingdom of Salt*, which managed only ${M('kingdom-of-salt', 2)} from ${theaters('kingdom-of-salt', 2)} theaters against a reported $180M-plus production budget.` },
      { o: 'vi', at: '11-15 10:45', cat: ['Film', 'Box Office'],
        h: `'Starbreaker' Holds Off 'Static Girl' Surprise; 'Kingdom of Salt' Sinks`,
        b: `*Starbreaker* kept the top spot with ${Mil('starbreaker', 2)}, but the story of the weekend was *Static Girl*. The Neon horror film, made for under $5 million, opened to ${Mil('static-girl', 2)} after a viral campaign built around fake emergency broadcasts.

Amazon MGM's *Kingdom of Salt* opened fourth with ${Mil('kingdom-of-salt', 2)}, a dismal result for a sword-and-sandal epic that cost more than $180 million before marketing.` },
      { o: 'bp', at: '11-15 11:20', cat: ['Weekend Report'],
        h: `Weekend Estimates: Neon's 'Static Girl' Triples Tracking With ${M('static-girl', 2)}`,
        b: `1. *Starbreaker* ${M('starbreaker', 2)} (-${drop('starbreaker', 2)}), ${T('starbreaker', 2)} total. 2. *Static Girl* ${M('static-girl', 2)}, ${avg('static-girl', 2)} average. 3. *Overtime* ${M('overtime', 2)}. 4. *Kingdom of Salt* ${M('kingdom-of-salt', 2)}, ${avg('kingdom-of-salt', 2)} average.

*Static Girl* is the outlier: comparable low-budget horror debuts this year ranged from $8M to $14M. The anime *Spirit Blade* fell ${drop('spirit-blade', 2)}, and Harbor Light's *Ember Falls* slipped ${drop('ember-falls', 2)} to ${M('ember-falls', 2)} (${T('ember-falls', 2)} total).` },
    ] },
  { id: 'bo-kingdom-of-salt-flop', type: 'box_office', studios: ['Amazon MGM Studios'], titles: ['Kingdom of Salt'],
    v: [
      { o: 'hl', at: '11-16 10:00', cat: ['Movies', 'Box Office', 'Analysis'],
        h: `Why 'Kingdom of Salt' Flopped: Inside Amazon MGM's $180 Million Misfire`,
        b: `Amazon MGM Studios wanted *Kingdom of Salt* to announce it as a full-scale theatrical studio. Instead, the historical epic opened to ${Mil('kingdom-of-salt', 2)}, and insiders are already estimating a loss of more than $120 million.

Rivals point to a muddled campaign that sold neither the battle scenes nor the romance, a 41% Rotten Tomatoes score, and a 2-hour-48-minute running time that limited showtimes.` },
      { o: 'ws', at: '11-16 12:30', cat: ['Movies', 'Box Office'],
        h: `'Kingdom of Salt' Box Office Bomb Raises Hard Questions for Amazon MGM's Theatrical Push`,
        b: `Amazon MGM's $180 million *Kingdom of Salt* collapsed at the box office with a ${M('kingdom-of-salt', 2)} opening, and the blame game has started. Two people close to the production said the studio overruled the director's cut and spent late on TV.

The bigger question is what the flop means for Amazon MGM's plan to release 14 wide films a year.` },
      { o: 'bp', at: '11-16 14:00', cat: ['Analysis'],
        h: `Post-Mortem: 'Kingdom of Salt' and the Limits of Epic Branding`,
        b: `*Kingdom of Salt* averaged just ${avg('kingdom-of-salt', 2)} per theater from ${theaters('kingdom-of-salt', 2)} locations. Historical epics without a star or an IP hook have struggled for a decade, and a mid-November date against *Starbreaker*'s second weekend left no premium screens. Expect a 60%-plus drop next weekend.` },
    ] },
  { id: 'bo-static-girl-actuals', type: 'box_office', studios: ['Neon'], titles: ['Static Girl'],
    v: [
      { o: 'bp', at: '11-16 13:10', cat: ['Actuals'],
        h: `Monday Actuals: 'Static Girl' Confirmed at ${M('static-girl', 2)}, Neon's Best Opening Ever`,
        b: `Final numbers are in and *Static Girl* held at ${Mil('static-girl', 2)}, with its Sunday drop of just 22% from Saturday pointing to strong word of mouth. *Starbreaker* finished at ${Mil('starbreaker', 2)}, making the race for No. 1 closer than estimates suggested.` },
    ] },
  { id: 'bo-static-girl-sequel', type: 'greenlight', studios: ['Neon'], titles: ['Static Girl 2', 'Static Girl'],
    v: [
      { o: 'dw', at: '11-18 10:05', cat: ['Film', 'Neon'],
        h: `Neon Fast-Tracks 'Static Girl 2' For October 2027 After Breakout Opening`,
        b: `Neon is moving quickly on a sequel to its surprise hit *Static Girl*, setting *Static Girl 2* for October 1, 2027. Writer-director Tamsin Ode returns, as does star Juniper Hale. The original opened to ${M('static-girl', 2)} last weekend on a sub-$5M budget.` },
      { o: 'cc', at: '11-18 12:20', cat: ['Movie News', 'Horror'],
        h: `'Static Girl 2' Confirmed for October 2027`,
        b: `That was fast. Less than a week after *Static Girl* stunned the box office, Neon has greenlit a sequel and dated it for October 1, 2027. Tamsin Ode will write and direct again. Read our [spoiler-filled breakdown of that ending](/static-girl-ending-explained/) to get ready.` },
      { o: 'iw', at: '11-18 14:00', cat: ['Film', 'Business'],
        h: `Neon Greenlights 'Static Girl' Sequel, Reteaming with Tamsin Ode`,
        b: `Neon has officially greenlit *Static Girl 2*, with Tamsin Ode returning to write and direct and Juniper Hale reprising her role. The distributor's biggest-ever opener has made more than $40 million in its first six days.` },
    ] },

  // ---------- Weekend 47 (Nov 20-22) ----------
  { id: 'bo-w47-friday', type: 'box_office', studios: ['Universal Pictures'], titles: ['Glimmerglass'],
    v: [
      { o: 'bp', at: '11-21 08:30', cat: ['Daily Box Office'],
        h: `Friday Box Office: 'Glimmerglass' Sings to $30.2M Opening Day`,
        b: `Universal's *Glimmerglass* earned $30.2 million on Friday, including $11.6 million from Thursday previews, and is pacing for a $70M-$75M weekend. Lionsgate's *A Very Fletcher Christmas* made $3.1 million on its first day.` },
    ] },
  { id: 'bo-w47-weekend', type: 'box_office', studios: ['Universal Pictures', 'Lionsgate'], titles: ['Glimmerglass', 'A Very Fletcher Christmas'],
    v: [
      { o: 'dw', at: '11-22 09:10', cat: ['Box Office', 'Film', 'Universal'],
        h: `'Glimmerglass' Dazzles With ${M('glimmerglass', 3)} Opening; 'Starbreaker', 'Static Girl' Battle For Second`,
        b: `Universal's musical fantasy *Glimmerglass* opened to ${Mil('glimmerglass', 3)} from ${theaters('glimmerglass', 3)} theaters (${avg('glimmerglass', 3)} average), the biggest start for an original movie musical in years. Audiences gave it an A CinemaScore.

*Starbreaker* took second with ${M('starbreaker', 3)} (-${drop('starbreaker', 3)}) and has grossed ${T('starbreaker', 3)}. *Static Girl* was right behind at ${M('static-girl', 3)}, down only ${drop('static-girl', 3)}, for ${T('static-girl', 3)} to date. Lionsgate's *A Very Fletcher Christmas* opened fourth with ${M('fletcher-christmas', 3)}.` },
      { o: 'vi', at: '11-22 10:20', cat: ['Film', 'Box Office'],
        h: `Box Office: 'Glimmerglass' Sings to $72 Million Debut`,
        b: `*Glimmerglass* hit a high note in its opening weekend, collecting ${Mil('glimmerglass', 3)} in North America. The Universal release stars Wren Ashby as a glassblower's apprentice who sings her way into a mirror kingdom.

The strong start sets up a lucrative Thanksgiving, when Disney's *Tidepool* and Sony's *The Brass Key Murders* join the fray on Wednesday.` },
      { o: 'bp', at: '11-22 10:50', cat: ['Weekend Report'],
        h: `Weekend Estimates: 'Glimmerglass' ${M('glimmerglass', 3)} Opening; 'A Very Fletcher Christmas' Delivers ${M('fletcher-christmas', 3)}`,
        b: `1. *Glimmerglass* ${M('glimmerglass', 3)}. 2. *Starbreaker* ${M('starbreaker', 3)}, ${T('starbreaker', 3)} cume. 3. *Static Girl* ${M('static-girl', 3)} (-${drop('static-girl', 3)}), expanding to ${theaters('static-girl', 3)} theaters. 4. *A Very Fletcher Christmas* ${M('fletcher-christmas', 3)}. 5. *Overtime* ${M('overtime', 3)}.

*Kingdom of Salt* fell ${drop('kingdom-of-salt', 3)} to ${M('kingdom-of-salt', 3)}. Harbor Light's *Ember Falls* crossed $40M with ${M('ember-falls', 3)} this weekend (${T('ember-falls', 3)} total). The top ten grossed ${topN(3)}.` },
      { o: 'ws', at: '11-22 13:30', cat: ['Movies', 'Box Office'],
        h: `'Glimmerglass' Opens to ${Mil('glimmerglass', 3)} as Pre-Thanksgiving Box Office Heats Up`,
        b: `Universal's *Glimmerglass* delivered the kind of opening theater owners have been waiting for all fall: ${Mil('glimmerglass', 3)} from ${theaters('glimmerglass', 3)} theaters. The film skewed 64% female and played strongly in premium formats.

It's good news for Harbor Light Pictures too, which opens the family fantasy *The Lantern Keeper* on Dec. 11 and needs a healthy family marketplace - though it will now share that weekend with Illumination's *Skyward Sprocket*.` },
    ] },
  { id: 'bo-glimmerglass-intl', type: 'box_office', studios: ['Universal Pictures'], titles: ['Glimmerglass'],
    v: [
      { o: 'sd', at: '11-23 02:30', cat: ['Box Office', 'International'],
        h: `Global box office: 'Glimmerglass' opens to $128m worldwide`,
        b: `Universal's *Glimmerglass* launched to $128.3m worldwide, with $56.5m from 61 international markets led by the UK ($9.1m), Mexico ($6.8m) and Korea ($5.9m). Domestic accounted for ${M('glimmerglass', 3)}.

Disney's *Starbreaker* crossed $480m globally.` },
    ] },

  // ---------- Wednesday Nov 25 ----------
  { id: 'bo-tidepool-wednesday', type: 'box_office', studios: ['Walt Disney Studios', 'Sony Pictures'], titles: ['Tidepool', 'The Brass Key Murders', 'Glimmerglass'],
    v: [
      { o: 'dw', at: '11-26 08:20', cat: ['Box Office', 'Film', 'Disney'],
        h: `'Tidepool' Opens To ${DM('tidepool')} Wednesday As Thanksgiving Box Office Kicks Off`,
        b: `Disney and Pixar's *Tidepool* grossed ${DM('tidepool')} on its opening Wednesday from ${dailyRow('tidepool').theaters.toLocaleString('en-US')} theaters, per the studio's estimate, putting it on track for a five-day holiday haul above $120M.

*Glimmerglass* was second with ${DM('glimmerglass')}, up 29% from Tuesday, bringing its running total to ${toDate('glimmerglass')}. Sony's whodunit *The Brass Key Murders* opened third with ${DM('brass-key-murders')}.` },
      { o: 'bp', at: '11-26 09:00', cat: ['Daily Box Office'],
        h: `Wednesday Box Office: Pixar's 'Tidepool' Makes ${DM('tidepool')} Splash; 'Glimmerglass' Adds ${DM('glimmerglass')}`,
        b: `*Tidepool* led Wednesday with ${DM('tidepool')}. *Glimmerglass* (${DM('glimmerglass')}) has reached ${toDate('glimmerglass')} after six days. *The Brass Key Murders* opened to ${DM('brass-key-murders')}, solid for an adult-skewing mystery. *Starbreaker* crossed $200M domestic (${toDate('starbreaker')}), and *Static Girl* reached ${toDate('static-girl')}.` },
    ] },

  // ---------- single-outlet box office ----------
  { id: 'bo-ember-falls-harbor', type: 'box_office', studios: ['Harbor Light Pictures'], titles: ['Ember Falls'],
    v: [
      { o: 'bp', at: '11-03 12:00', cat: ['Analysis'],
        h: `'Ember Falls' Is Quietly Becoming Harbor Light's Best Grosser in Three Years`,
        b: `Harbor Light Pictures' thriller *Ember Falls* has made ${T('ember-falls', 0)} after two weekends and held better than most wide holdovers last weekend. A $40M domestic finish is now likely, a good omen for the company's December family release *The Lantern Keeper*.` },
    ] },
  { id: 'bo-thanksgiving-preview', type: 'box_office', studios: ['Walt Disney Studios', 'Sony Pictures'], titles: ['Tidepool', 'The Brass Key Murders'],
    v: [
      { o: 'bp', at: '11-24 10:00', cat: ['Forecast'],
        h: `Thanksgiving Forecast: 'Tidepool' Eyes $125M Five-Day; 'Glimmerglass' Holds Strong`,
        b: `Our projections for the Wednesday-Sunday frame: *Tidepool* $118M-$132M, *Glimmerglass* $62M, *The Brass Key Murders* $24M, *Starbreaker* $19M, *Static Girl* $15M. Holiday weekdays have started strong; *Glimmerglass* made $8.4M on Monday.` },
    ] },
  { id: 'bo-overtime-opening', type: 'box_office', studios: ['Paramount Pictures'], titles: ['Overtime'],
    v: [
      { o: 'hl', at: '11-15 13:00', cat: ['Movies', 'Box Office'],
        h: `'Overtime' Opens to ${Mil('overtime', 2)} as Sports Dramas Continue to Struggle`,
        b: `Paramount's high school football drama *Overtime* opened third with ${Mil('overtime', 2)}, in line with tracking but far below what inspirational sports films earned a decade ago. Audiences gave it an A CinemaScore, suggesting a long run through the holidays.` },
    ] },
  { id: 'bo-velvet-hours-milestone', type: 'box_office', studios: ['A24'], titles: ['Velvet Hours'],
    v: [
      { o: 'iw', at: '11-09 11:00', cat: ['Box Office', 'Specialty'],
        h: `Specialty Box Office: 'Velvet Hours' Nears $9 Million as 'Dil Ki Raah' Posts Best Average`,
        b: `A24's *Velvet Hours* added ${M('velvet-hours', 1)} in its fifth weekend for a ${T('velvet-hours', 1)} total, one of the year's best specialty runs. Yash Raj's *Dil Ki Raah* averaged ${avg('dil-ki-raah', 1)} in 410 theaters, and Focus' *The Ferryman's Daughter* has reached ${T('ferrymans-daughter', 1)}.` },
    ] },
  { id: 'bo-global-starbreaker', type: 'box_office', studios: ['Walt Disney Studios'], titles: ['Starbreaker'],
    v: [
      { o: 'sd', at: '11-16 03:00', cat: ['Box Office', 'International'],
        h: `Global box office: 'Starbreaker' passes $380m; 'Static Girl' opens in UK`,
        b: `*Starbreaker* added $84.6m from 52 markets this weekend for $218.7m international and $382.2m worldwide. Neon's *Static Girl*, handled by Vertigo Releasing in the UK, opened to £1.9m.` },
    ] },
  { id: 'bo-tracking-december', type: 'box_office', studios: ['Universal Pictures', 'Harbor Light Pictures'], titles: ['Skyward Sprocket', 'The Lantern Keeper'],
    v: [
      { o: 'bp', at: '11-20 12:00', cat: ['Tracking'],
        h: `Early Tracking: 'Skyward Sprocket' Points to $60M+; 'The Lantern Keeper' Slips to $15M-$19M`,
        b: `First tracking for the Dec. 11 weekend shows Illumination's *Skyward Sprocket* heading for $60M-$68M. Harbor Light's *The Lantern Keeper*, which had been tracking as high as $24M before *Sprocket* moved onto its date, is now at $15M-$19M, with definite interest among parents down six points.` },
    ] },
  { id: 'bo-brass-key-previews', type: 'box_office', studios: ['Sony Pictures'], titles: ['The Brass Key Murders'],
    v: [
      { o: 'ws', at: '11-25 16:00', cat: ['Movies', 'Box Office'],
        h: `'The Brass Key Murders' Earns $1.9 Million in Tuesday Previews`,
        b: `Sony's ensemble mystery *The Brass Key Murders* made $1.9 million from Tuesday night previews ahead of its Wednesday opening, slightly ahead of comparable holiday whodunits.` },
    ] },
];
