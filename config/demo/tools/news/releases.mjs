// Release-date stories: datings, moves, delays, calendar removals. Includes the planted slate collisions (C1-C6).
// Times are Pacific ('MM-DD HH:MM', 2026). Outlet keys: see gen-news.mjs.
import { M, Mil, T, TMil } from '../boxoffice-model.mjs';

export default [
  // ---------- C1: Skyward Sprocket (Universal/Illumination, family) -> Dec 11 = The Lantern Keeper ----------
  { id: 'c1-skyward-sprocket-dec11', type: 'release_moved', collision: 'C1', studios: ['Universal Pictures'], titles: ['Skyward Sprocket', 'The Lantern Keeper'],
    v: [
      { o: 'dw', at: '11-17 10:12', cat: ['Film', 'Release Dates', 'Universal'],
        h: `Universal Moves Illumination's 'Skyward Sprocket' Up Two Weeks To Dec. 11`,
        b: `Universal Pictures is moving Illumination's animated adventure *Skyward Sprocket* up two weeks, from Christmas Day to Friday, December 11, 2026. The studio made the change Tuesday morning, positioning the film as the first wide family title of the holiday corridor.

The pic, directed by Benoît Lavalle and featuring the voices of Mo Adeyemi and Lucía Ferrand, follows a clockwork robot who stows away on a migrating sky whale. The new date puts it head-to-head with Harbor Light Pictures' PG fantasy *The Lantern Keeper*, which has held December 11 since last spring.

The move also clears Christmas for Universal's live-action slate. Sources say exhibitors pushed for an earlier family option after *Glimmerglass* tracking came in strong.` },
      { o: 'hl', at: '11-17 11:40', cat: ['Movies', 'Movie News'],
        h: `'Skyward Sprocket' Flies Into December: Universal Shifts Illumination Toon to Dec. 11`,
        b: `Illumination's next animated feature is arriving early. Universal on Tuesday moved *Skyward Sprocket* from Dec. 25 to Dec. 11, a date that already belonged to Harbor Light's family fantasy *The Lantern Keeper*.

Family audiences have had few new options since *Paws of Thunder* opened Oct. 2, and the studio is betting the robot-and-whale adventure can play straight through New Year's. Rivals expect the smaller *Lantern Keeper* to feel the squeeze. "Two PG event movies on the same Friday is one too many," said one distribution executive at a competing studio.` },
      { o: 'vi', at: '11-17 13:05', cat: ['Film', 'Box Office'],
        h: `Universal Accelerates 'Skyward Sprocket' Release, Setting Up December Family Showdown`,
        b: `Universal Pictures and Illumination will release *Skyward Sprocket* on Dec. 11, two weeks ahead of its previous Christmas date, the studio confirmed Tuesday.

The change creates a direct collision with *The Lantern Keeper*, the Harbor Light Pictures fantasy directed by Sunniva Lindqvist, which also targets families that weekend. Harbor Light has not indicated whether it will move; a spokesperson declined to comment.` },
      { o: 'bp', at: '11-17 15:30', cat: ['Analysis', 'Release Calendar'],
        h: `Analysis: Crowded Holiday Corridor Gets Tighter as 'Skyward Sprocket' Lands on Dec. 11`,
        b: `With *Skyward Sprocket* now opening Dec. 11, the second weekend of December carries two new family releases. Illumination's last three original films opened between $55M and $72M; Harbor Light's *The Lantern Keeper*, a mid-budget fantasy, had been tracking in the $18M-$24M range before the move.

The bigger risk for Harbor Light is screens. Universal will book premium large formats for *Sprocket*, leaving *Lantern Keeper* with fewer PLF and 3D auditoriums, while *Glimmerglass* (${M('glimmerglass', 3)} opening) will still hold many of those screens into December.` },
    ] },

  // ---------- C2: Iron Meridian (Lionsgate, action thriller) -> Jan 22, 2027 = Deadfall Protocol ----------
  { id: 'c2-iron-meridian-jan22', type: 'release_dated', collision: 'C2', studios: ['Lionsgate'], titles: ['Iron Meridian', 'Deadfall Protocol'],
    v: [
      { o: 'lg', at: '11-19 09:00', cat: ['Press Release'],
        h: `LIONSGATE SETS IRON MERIDIAN FOR JANUARY 22, 2027`,
        b: `SANTA MONICA, CA (November 19, 2026) - Lionsgate announced today that IRON MERIDIAN, the high-octane action thriller starring Dax Holloway and Odessa Lark, will open exclusively in theaters nationwide on January 22, 2027.

Directed by Grant Ostrowski from a screenplay by Kit Amberley, IRON MERIDIAN follows a disgraced extraction specialist who must steal back a decommissioned satellite weapon before it is auctioned on the open market.

"January has become a proven launchpad for original action, and IRON MERIDIAN is a crowd-pleaser built for the biggest screens," said Carla Benedetti, President, Worldwide Theatrical Distribution, Lionsgate.` },
      { o: 'dw', at: '11-19 10:40', cat: ['Film', 'Release Dates', 'Lionsgate'],
        h: `Lionsgate Dates Dax Holloway Actioner 'Iron Meridian' For January 22`,
        b: `Lionsgate has set *Iron Meridian*, its Dax Holloway-Odessa Lark action thriller, for wide release on January 22, 2027. Grant Ostrowski directed.

The date puts the pic opposite Harbor Light Pictures' *Deadfall Protocol*, the Malik Oduya-directed action thriller that has been dated for January 22 since the summer. 20th Century Studios vacated that weekend last month when it pulled *Black Ice* from the calendar.

Lionsgate's *Red Canyon Run* has grossed ${T('red-canyon-run', 2)} domestically since opening October 23.` },
      { o: 'ws', at: '11-19 12:15', cat: ['Movies', 'Release Dates'],
        h: `Lionsgate Plants 'Iron Meridian' in January, Right on Top of Harbor Light's 'Deadfall Protocol'`,
        b: `January's action lane just got crowded. Lionsgate said Thursday that *Iron Meridian* - starring Dax Holloway as an extraction specialist chasing a stolen satellite weapon - will open Jan. 22, 2027, the same day Harbor Light Pictures opens *Deadfall Protocol*.

Both films are R-rated, male-skewing originals with mid-range budgets. One of them will probably blink: when two similar films share a date, the studio with the smaller marketing commitment usually moves within six weeks.` },
      { o: 'hl', at: '11-19 14:20', cat: ['Movies', 'Movie News'],
        h: `'Iron Meridian' Gets January 2027 Release Date`,
        b: `Lionsgate will release *Iron Meridian* in theaters on Jan. 22, 2027. The action thriller stars Dax Holloway and Odessa Lark and is directed by Grant Ostrowski (*Night Drop*).

The film joins a late-January frame that also includes Harbor Light's *Deadfall Protocol*. A first trailer is expected before Thanksgiving.` },
    ] },

  // ---------- C3: The Drowning Hour (A24, horror) -> Mar 12, 2027 = one weekend before The Hollow Season ----------
  { id: 'c3-drowning-hour-mar12', type: 'release_moved', collision: 'C3', studios: ['A24'], titles: ['The Drowning Hour', 'The Hollow Season'],
    v: [
      { o: 'a24', at: '11-18 08:00', cat: ['Film'],
        h: `THE DROWNING HOUR Moves to March 12, 2027`,
        b: `Siobhan Muir's THE DROWNING HOUR, starring Imogen Sato and Lucas Quint, will now be released in theaters everywhere on March 12, 2027.

The film was previously scheduled for January 29, 2027.` },
      { o: 'iw', at: '11-18 09:30', cat: ['Film', 'Release Dates'],
        h: `A24 Shifts Siobhan Muir's 'The Drowning Hour' to March, a Week Ahead of 'The Hollow Season'`,
        b: `A24 has moved *The Drowning Hour*, Siobhan Muir's waterlogged folk-horror feature, from January 29 to March 12, 2027. The film premiered to strong notices at Fantastic Fest in September.

The new date lands one weekend before Harbor Light's *The Hollow Season* (March 19), giving March two back-to-back elevated horror releases aimed at the same under-35 audience. A24 did not give a reason for the move, though the distributor has done well with spring horror before.` },
      { o: 'cc', at: '11-18 11:05', cat: ['Movie News', 'Horror'],
        h: `'The Drowning Hour' Release Date Pushed to March 2027`,
        b: `If you were counting down to January for *The Drowning Hour*, you'll have to wait a little longer. A24 has pushed Siobhan Muir's horror film to March 12, 2027.

Imogen Sato stars as a lifeguard in a flooded seaside town who starts hearing the drowned church bells ring again. Check out our [2027 horror release calendar](/horror-movies-2027-release-dates/) for everything else scaring up theaters next spring - including Harbor Light's *The Hollow Season*, which arrives just one week later.` },
      { o: 'sd', at: '11-19 02:00', cat: ['News', 'Release Dates'],
        h: `A24 re-dates 'The Drowning Hour' to March 12`,
        b: `A24 has moved Siobhan Muir's horror *The Drowning Hour* to March 12, 2027 in North America from January 29.

The Irish-Canadian co-production, sold internationally by Fable & Field, premiered at Fantastic Fest and screened in Sitges. Its new US date sits a week ahead of Harbor Light Pictures' horror *The Hollow Season*.` },
    ] },

  // ---------- C4: Meet Me in Marseille (Sony, rom-com) -> Feb 12, 2027 = Paper Moons ----------
  { id: 'c4-meet-me-in-marseille-feb12', type: 'release_dated', collision: 'C4', studios: ['Sony Pictures'], titles: ['Meet Me in Marseille', 'Paper Moons'],
    v: [
      { o: 'sd', at: '11-10 06:30', cat: ['News', 'Release Dates'],
        h: `Sony's 'Meet Me in Marseille' dated for February 12, 2027`,
        b: `Sony Pictures will release French-set romantic comedy *Meet Me in Marseille* in North America on February 12, 2027, with the international roll-out beginning February 10 in France through Sony Pictures Releasing International.

The film, shot on location in Marseille last spring, stars Julian Ashcombe and French actress Céline Aubert. It opens on the same date as Harbor Light Pictures' US romantic comedy *Paper Moons*.` },
      { o: 'vi', at: '11-10 09:20', cat: ['Film', 'News'],
        h: `Sony Sets Julian Ashcombe Rom-Com 'Meet Me in Marseille' for Valentine's Day Weekend`,
        b: `Columbia Pictures' *Meet Me in Marseille*, the romantic comedy starring Julian Ashcombe and Céline Aubert, will open Feb. 12, 2027, over the Valentine's Day and Presidents Day holiday weekend, Sony Pictures announced Tuesday.

Directed by Hollis Grant, the film follows a food critic and a fishmonger forced to share a tiny apartment above Marseille's Vieux-Port. It is Sony's first wide romantic comedy in more than two years.

The date sets up a clash with Harbor Light's *Paper Moons*, the Claire Fontaine-Ruiz rom-com that also opens Feb. 12.` },
      { o: 'hl', at: '11-10 10:45', cat: ['Movies', 'Movie News'],
        h: `Valentine's Day 2027 Becomes a Rom-Com Battle as Sony Dates 'Meet Me in Marseille'`,
        b: `Sony is going after the date-night crowd. *Meet Me in Marseille* will hit theaters Feb. 12, 2027, putting it on the same Friday as Harbor Light Pictures' *Paper Moons*.

"It's a four-day holiday with Valentine's Day on the Sunday - there's room for two love stories, but not two that look this similar," one exhibition executive said. Both films center on mismatched couples, and both are rated PG-13.` },
    ] },

  // ---------- C5: Halcyon Drift (Warner Bros., sci-fi) -> Apr 9, 2027 = one weekend before Kingfisher ----------
  { id: 'c5-halcyon-drift-apr9', type: 'release_moved', collision: 'C5', studios: ['Warner Bros.'], titles: ['Halcyon Drift', 'Kingfisher'],
    v: [
      { o: 'dw', at: '11-24 09:05', cat: ['Film', 'Release Dates', 'Warner Bros.'],
        h: `Warner Bros. Moves Sci-Fi Epic 'Halcyon Drift' Up To April 2027`,
        b: `Warner Bros. Pictures is moving *Halcyon Drift*, Viktor Lindahl's original science-fiction epic starring Sebastián Ortúzar and Zoë Aldana, from June 4 to April 9, 2027.

The earlier date gets the IMAX-shot film out of the crowded early-summer corridor and gives it three clear weeks before the May blockbusters. It also places *Halcyon Drift* one weekend ahead of Harbor Light's *Kingfisher*, the Nadia Ferreira space drama dated April 16.

Warner Bros. will debut a first look at the film this week.` },
      { o: 'cc', at: '11-24 10:30', cat: ['Movie News', 'Sci-Fi'],
        h: `'Halcyon Drift' Now Arrives in April - Two Months Earlier Than Planned`,
        b: `Good news for sci-fi fans: *Halcyon Drift* is coming sooner. Warner Bros. has moved Viktor Lindahl's space epic to April 9, 2027.

The film follows the crew of a generation ship that wakes 200 years early. That premise sounds a lot like Harbor Light's *Kingfisher*, which opens just one week later on April 16, so expect plenty of [comparisons](/kingfisher-movie-release-date-cast/) between the two.` },
      { o: 'vi', at: '11-24 12:10', cat: ['Film', 'News'],
        h: `'Halcyon Drift' Jumps to April 9 as Warner Bros. Reshuffles 2027 Slate`,
        b: `Warner Bros. on Tuesday advanced the release of *Halcyon Drift* by eight weeks, to April 9, 2027, and confirmed the film will play in IMAX. The studio pushed its horror film *Wolf Moon Rising* to 2027 last month.

*Halcyon Drift* now opens a week before Harbor Light Pictures' *Kingfisher*, another original sci-fi drama. Ruth Calloway, Harbor Light's president of distribution, said the company is "very comfortable" with its date.` },
    ] },

  // ---------- C6: The Quiet Coast (Neon, drama) -> limited Dec 25 = Saltwater Saints ----------
  { id: 'c6-quiet-coast-dec25', type: 'release_dated', collision: 'C6', studios: ['Neon'], titles: ['The Quiet Coast', 'Saltwater Saints'],
    v: [
      { o: 'iw', at: '11-12 08:15', cat: ['Film', 'Awards'],
        h: `Neon Sets Christmas Day Release for 'The Quiet Coast'`,
        b: `Neon will open *The Quiet Coast* in New York and Los Angeles on December 25 ahead of a national expansion on January 15, 2027.

The plan mirrors Harbor Light Pictures' platform strategy for *Saltwater Saints*, which also opens in limited release on Christmas Day - setting up a head-to-head fight for the same arthouse screens and the same awards voters.` },
      { o: 'sd', at: '11-12 09:40', cat: ['News', 'Release Dates'],
        h: `Neon to open 'The Quiet Coast' in US on December 25`,
        b: `Neon has dated its AFM acquisition *The Quiet Coast* for a limited North American release on December 25, 2026, with a wider expansion in January.

Inês Carvalho's drama will compete for arthouse screens with Harbor Light's *Saltwater Saints*, also a Christmas platform release.` },
      { o: 'hl', at: '11-12 13:00', cat: ['Movies', 'Awards'],
        h: `Neon Dates AFM Pickup 'The Quiet Coast' for Christmas, Joining Awards Race`,
        b: `Six days after buying it for $8 million, Neon has slotted *The Quiet Coast* into the year's most competitive specialty date. The Inês Carvalho drama opens in limited release Dec. 25, alongside Harbor Light's music drama *Saltwater Saints*.

Neon will mount a full campaign for Hannah Voss in the best actress race.` },
    ] },

  // ---------- decoys / other moves ----------
  { id: 'pip-paper-dragon-to-mar5', type: 'release_moved', studios: ['Paramount Pictures'], titles: ['Pip & the Paper Dragon', 'The Lantern Keeper'],
    v: [
      { o: 'dw', at: '11-03 11:30', cat: ['Film', 'Release Dates', 'Paramount'],
        h: `Paramount Animation's 'Pip & The Paper Dragon' Moves Off December To March 2027`,
        b: `Paramount Pictures has moved *Pip & the Paper Dragon*, the animated feature from Paramount Animation and Nickelodeon Movies, from December 11, 2026 to March 5, 2027. The studio cited additional time needed to finish the film's hand-painted sequences.

The shift leaves Harbor Light's *The Lantern Keeper* as the only new family release on December 11 - for now.` },
      { o: 'hl', at: '11-03 12:50', cat: ['Movies', 'Movie News'],
        h: `Paramount Pushes 'Pip & the Paper Dragon' to Spring`,
        b: `*Pip & the Paper Dragon* won't make its December date. Paramount said Tuesday the animated film will now open March 5, 2027, the start of spring break for many school districts.

The studio's *Paws of Thunder* has grossed more than $86 million domestically since October, a sign the family audience is there when the product is.` },
    ] },

  { id: 'wolf-moon-rising-2027', type: 'release_moved', studios: ['Warner Bros.'], titles: ['Wolf Moon Rising'],
    v: [
      { o: 'dw', at: '10-29 14:10', cat: ['Film', 'Release Dates', 'Warner Bros.'],
        h: `Warner Bros. Pushes New Line Horror 'Wolf Moon Rising' To 2027`,
        b: `Warner Bros. has taken *Wolf Moon Rising* off its December 18 date and will release the New Line horror film in 2027; a new date will be announced later. The werewolf thriller, directed by Ansel Brook, still has extensive VFX work remaining, per sources.` },
      { o: 'vi', at: '10-29 15:00', cat: ['Film', 'News'],
        h: `'Wolf Moon Rising' Delayed to 2027`,
        b: `New Line's *Wolf Moon Rising* is no longer a holiday release. Warner Bros. confirmed Thursday that the horror film has been pulled from Dec. 18 and will open in 2027, date to be determined.

The move leaves December without a wide horror release for the first time in three years.` },
      { o: 'cc', at: '10-29 16:45', cat: ['Movie News', 'Horror'],
        h: `'Wolf Moon Rising' Pulled From December Release Calendar`,
        b: `Bad news for werewolf fans. Warner Bros. has pushed *Wolf Moon Rising* out of its December 18 slot and into an unspecified 2027 date. Director Ansel Brook has said the film features more than 600 creature shots, practical and digital. We'll update this post when a new date is set.` },
    ] },

  { id: 'kingdom-of-salt-sequel-off-calendar', type: 'release_moved', studios: ['Amazon MGM Studios'], titles: ['Kingdom of Salt: The Long Road'],
    v: [
      { o: 'dw', at: '11-18 12:30', cat: ['Film', 'Release Dates', 'Amazon MGM'],
        h: `Amazon MGM Takes 'Kingdom Of Salt' Sequel Off Release Calendar After Soft Opening`,
        b: `Amazon MGM Studios has removed *Kingdom of Salt: The Long Road* from its November 19, 2027 date, days after the first film opened to ${Mil('kingdom-of-salt', 2)} against a reported budget north of $180 million. The studio said the sequel, which had not started production, is "being re-evaluated."` },
      { o: 'ws', at: '11-18 15:00', cat: ['Movies', 'Box Office'],
        h: `'Kingdom of Salt' Sequel Quietly Vanishes From Amazon MGM's Schedule`,
        b: `Amazon MGM Studios has quietly removed *Kingdom of Salt: The Long Road* from its Nov. 19, 2027 release date. The first film opened to just ${M('kingdom-of-salt', 2)} from 3,410 theaters last weekend, one of the weakest starts on record for a film of its size.

An Amazon MGM spokesperson said the studio remains "committed to the world of the film on Prime Video."` },
    ] },

  { id: 'kingfisher-dated', type: 'release_dated', studios: ['Harbor Light Pictures'], titles: ['Kingfisher'],
    v: [
      { o: 'dw', at: '10-08 09:30', cat: ['Film', 'Release Dates'],
        h: `Harbor Light Dates Nadia Ferreira Sci-Fi Drama 'Kingfisher' For April 16, 2027`,
        b: `Harbor Light Pictures has set *Kingfisher*, Nadia Ferreira's science-fiction drama starring Marcus Tillery and Yara Benslimane, for wide release on April 16, 2027. The film follows a salvage pilot who finds a living passenger aboard a derelict colony ship.

It rounds out Harbor Light's winter-spring slate, which also includes *The Lantern Keeper* (Dec. 11), *Saltwater Saints* (Dec. 25, limited), *Deadfall Protocol* (Jan. 22), *Paper Moons* (Feb. 12) and *The Hollow Season* (March 19).` },
      { o: 'vi', at: '10-08 11:15', cat: ['Film', 'News'],
        h: `Harbor Light Pictures Sets April Release for 'Kingfisher'`,
        b: `Harbor Light Pictures will release *Kingfisher* on April 16, 2027, the company announced Thursday. Marcus Tillery and Yara Benslimane lead the film, which Ferreira wrote and directed.

"April has room for a smart, emotional science-fiction movie," said Ruth Calloway, Harbor Light's president of distribution.` },
    ] },

  { id: 'starbreaker-ascendant-dated', type: 'release_dated', studios: ['Walt Disney Studios'], titles: ['Starbreaker: Ascendant'],
    v: [
      { o: 'dw', at: '11-11 10:00', cat: ['Film', 'Release Dates', 'Disney', 'Marvel'],
        h: `Marvel Studios Dates 'Starbreaker: Ascendant' For May 2028 After Strong November Bow`,
        b: `Disney and Marvel Studios have set *Starbreaker: Ascendant* for May 5, 2028, days after *Starbreaker* opened to ${Mil('starbreaker', 1)} domestically. Director Priya Nandakumar is in talks to return, and star Kit Lawson is attached.` },
      { o: 'hl', at: '11-11 11:20', cat: ['Movies', 'Movie News'],
        h: `'Starbreaker' Sequel Set for May 2028`,
        b: `Disney has dated a *Starbreaker* sequel, *Starbreaker: Ascendant*, for May 5, 2028. The first film has grossed about $105 million domestically through Tuesday after its ${M('starbreaker', 1)} opening.` },
      { o: 'cc', at: '11-11 12:40', cat: ['Movie News', 'Marvel'],
        h: `'Starbreaker 2' Is Officially Happening - and It Has a Title`,
        b: `Marvel isn't wasting time. Just days after *Starbreaker* blasted off to a ${M('starbreaker', 1)} opening, Disney has dated the sequel, *Starbreaker: Ascendant*, for May 5, 2028. No new cast has been confirmed, but Kit Lawson is expected back in the suit.` },
    ] },

  { id: 'glass-orchard-theatrical', type: 'release_dated', studios: ['Netflix'], titles: ['The Glass Orchard'],
    v: [
      { o: 'vi', at: '10-22 10:00', cat: ['Film', 'Streaming'],
        h: `Netflix Sets Theatrical Run for 'The Glass Orchard' Ahead of Streaming Debut`,
        b: `Netflix will open *The Glass Orchard*, Rosalind Achterberg's period drama, in select theaters Dec. 4 before it streams Dec. 18. Margot Ellery stars as a Dutch glassblower's widow who keeps her husband's workshop running in 1890s Leerdam.` },
      { o: 'iw', at: '10-22 12:30', cat: ['Film', 'Awards'],
        h: `'The Glass Orchard' Gets Two-Week Theatrical Window from Netflix`,
        b: `Netflix is giving *The Glass Orchard* a limited theatrical run starting December 4, including engagements at the Paris Theater in New York and the Egyptian in Los Angeles, before the film lands on the service December 18. It is the streamer's top awards priority in the actress race.` },
    ] },

  { id: 'ghostlight-avenue-to-oct', type: 'release_moved', studios: ['Sony Pictures'], titles: ['Ghostlight Avenue', 'The Hollow Season'],
    v: [
      { o: 'dw', at: '11-05 13:45', cat: ['Film', 'Release Dates', 'Sony'],
        h: `Screen Gems' 'Ghostlight Avenue' Moves From March To October 2027`,
        b: `Sony's Screen Gems has moved horror film *Ghostlight Avenue* from March 19, 2027 to October 8, 2027, taking it out of a frame it would have shared with Harbor Light's *The Hollow Season*. The fall date positions the haunted-theater story for the Halloween corridor.` },
      { o: 'cc', at: '11-05 15:10', cat: ['Movie News', 'Horror'],
        h: `'Ghostlight Avenue' Will Now Haunt Theaters in October 2027`,
        b: `Sony has delayed *Ghostlight Avenue* by nearly seven months. The Screen Gems horror movie, about a Broadway understudy trapped in a theater after the ghost light goes out, now opens October 8, 2027 - just in time for spooky season.` },
    ] },

  { id: 'black-ice-pulled', type: 'release_moved', studios: ['Walt Disney Studios'], titles: ['Black Ice', 'Deadfall Protocol'],
    v: [
      { o: 'dw', at: '10-26 10:20', cat: ['Film', 'Release Dates', 'Disney'],
        h: `20th Century Studios Pulls 'Black Ice' From January 22 Release Date, Film Heads To Hulu`,
        b: `Disney's 20th Century Studios has removed action thriller *Black Ice* from its January 22, 2027 theatrical slot; the film will instead premiere on Hulu in the spring. The move leaves Harbor Light's *Deadfall Protocol* as the only wide action release that weekend.` },
      { o: 'hl', at: '10-26 11:50', cat: ['Movies', 'Streaming'],
        h: `'Black Ice' Skips Theaters for Hulu, Opening Up Late January`,
        b: `20th Century Studios' *Black Ice* will go straight to Hulu instead of opening in theaters Jan. 22. The Reese Calder-led thriller tested well, a source said, but Disney decided the film would find a larger audience on streaming. Harbor Light's *Deadfall Protocol* keeps the date.` },
    ] },

  // ---------- single-outlet release stories ----------
  { id: 'hunters-moon-dated', type: 'release_dated', studios: ['Lionsgate'], titles: ["Hunter's Moon"],
    v: [
      { o: 'lg', at: '11-04 09:00', cat: ['Press Release'],
        h: `LIONSGATE DATES HUNTER'S MOON FOR SEPTEMBER 24, 2027`,
        b: `SANTA MONICA, CA (November 4, 2026) - Lionsgate today announced that HUNTER'S MOON, the survival thriller from director Maren Ekdahl starring Callum Reyes, will be released in theaters on September 24, 2027.

Production begins in British Columbia in January.` },
      { o: 'ws', at: '11-04 09:45', copyOf: 'lg', cat: ['Press Release'] },
    ] },
  { id: 'brass-key-wednesday', type: 'release_moved', studios: ['Sony Pictures'], titles: ['The Brass Key Murders'],
    v: [
      { o: 'bp', at: '10-15 11:00', cat: ['Release Calendar'],
        h: `Sony Moves 'The Brass Key Murders' to Thanksgiving Wednesday`,
        b: `Sony has shifted its whodunit *The Brass Key Murders* from Friday, Nov. 27 to Wednesday, Nov. 25, matching Disney's *Tidepool* and giving the ensemble mystery the full five-day holiday frame. Adult-skewing mysteries have historically over-indexed on Thanksgiving weekend.` },
    ] },
  { id: 'velvet-hours-expands', type: 'release_dated', studios: ['A24'], titles: ['Velvet Hours'],
    v: [
      { o: 'a24', at: '10-15 08:00', cat: ['Film'],
        h: `VELVET HOURS Expands Nationwide October 30`,
        b: `After a record-breaking limited opening, Rosa Kessler's VELVET HOURS expands to more than 1,000 theaters nationwide on October 30. Find tickets near you.` },
    ] },
  { id: 'ferrymans-daughter-pvod', type: 'release_dated', studios: ['Focus Features'], titles: ["The Ferryman's Daughter"],
    v: [
      { o: 'hl', at: '11-17 09:00', cat: ['Movies', 'Home Entertainment'],
        h: `'The Ferryman's Daughter' Sets Digital Release Date`,
        b: `Focus Features will release *The Ferryman's Daughter* on premium video-on-demand on Dec. 1, a little over six weeks after its theatrical debut. The drama has grossed more than $13 million domestically.` },
    ] },
  { id: 'saltwater-saints-platform', type: 'release_dated', studios: ['Harbor Light Pictures'], titles: ['Saltwater Saints'],
    v: [
      { o: 'iw', at: '10-14 10:00', cat: ['Film', 'Awards'],
        h: `Harbor Light Sets Platform Release for 'Saltwater Saints' Starting Christmas Day`,
        b: `Harbor Light Pictures will open Teodor Baptiste's *Saltwater Saints* in four theaters in New York and Los Angeles on December 25, then expand to the top 30 markets on January 8 and go wide January 22.

The film, which premiered at Telluride, stars Marisol Vega as the director of a Gulf Coast gospel choir rebuilding after a hurricane. Harbor Light will campaign for Vega in best actress and for the film's original songs.` },
    ] },
  { id: 'spirit-blade-sequel-date', type: 'release_dated', studios: ['Crunchyroll', 'Sony Pictures'], titles: ['Spirit Blade'],
    v: [
      { o: 'cc', at: '11-20 15:00', cat: ['Movie News', 'Anime'],
        h: `'Spirit Blade' Season 3 Will Premiere in July 2027, Crunchyroll Confirms`,
        b: `Fresh off the theatrical run of *Spirit Blade: The Crimson Gate*, Crunchyroll confirmed the anime's third season premieres in July 2027. The film has grossed nearly $20 million in North America.` },
    ] },
  { id: 'dil-ki-raah-overseas', type: 'other', studios: ['Yash Raj Films'], titles: ['Dil Ki Raah'],
    v: [
      { o: 'sd', at: '11-09 03:30', cat: ['Box Office', 'International'],
        h: `'Dil Ki Raah' scores $2.3m North American launch for Yash Raj`,
        b: `Yash Raj Films' romantic drama *Dil Ki Raah* opened to ${Mil('dil-ki-raah', 1)} from ${410} locations in North America, the strongest Hindi-language debut of the autumn. The film opened simultaneously in India, the UK, UAE and Australia.` },
    ] },
];
