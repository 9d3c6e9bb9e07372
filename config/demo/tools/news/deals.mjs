// Acquisitions, distribution deals and greenlights.
import { M, T } from '../boxoffice-model.mjs';

export default [
  // ---------- acquisitions (multi-outlet) ----------
  { id: 'deal-neon-quiet-coast', type: 'acquisition', studios: ['Neon'], titles: ['The Quiet Coast'],
    v: [
      { o: 'dw', at: '11-06 16:20', cat: ['Film', 'Acquisitions', 'AFM'],
        h: `Neon Buys Venice Drama 'The Quiet Coast' Out Of AFM In $8M Deal`,
        b: `Neon has acquired U.S. rights to *The Quiet Coast*, Inês Carvalho's Venice competition drama, in a deal worth about $8 million, one of the biggest buys of this year's American Film Market.

The film stars Hannah Voss and Tomás Echeverría as estranged siblings returning to their late father's fishing village in northern Portugal. Neon beat out Sony Pictures Classics and Mubi and plans an awards-qualifying run this year.` },
      { o: 'iw', at: '11-06 19:10', cat: ['Film', 'Acquisitions'],
        h: `Neon Wins AFM Bidding for Inês Carvalho's 'The Quiet Coast'`,
        b: `Neon has picked up North American rights to Inês Carvalho's *The Quiet Coast* for a reported $8 million after a competitive AFM auction. The Portuguese-French co-production was one of the best-reviewed titles at Venice, where Hannah Voss won raves as a woman confronting her family's silence.

Neon will release the film this awards season; the distributor took *Sister Marigold* past $24 million earlier this fall.` },
      { o: 'sd', at: '11-07 01:30', cat: ['News', 'AFM', 'Acquisitions'],
        h: `AFM: Neon takes North America on Venice title 'The Quiet Coast'`,
        b: `Neon has acquired North American rights to Inês Carvalho's Venice competition title *The Quiet Coast* from Paris-based sales agent Les Films du Large.

Sources put the deal at around $8m. Further deals for the UK, Benelux and Scandinavia are expected to close before the market ends on Sunday.` },
    ] },
  { id: 'deal-netflix-understudy', type: 'acquisition', studios: ['Netflix'], titles: ['The Understudy'],
    v: [
      { o: 'dw', at: '11-09 18:30', cat: ['Film', 'Acquisitions', 'Netflix'],
        h: `Netflix Wins Bidding War For 'The Understudy' In $30M+ Deal`,
        b: `Netflix has landed worldwide rights to *The Understudy*, the Broadway-set thriller starring Calder Whitlock and Imogen Sato, in a deal north of $30 million. Amazon MGM and Apple were also in the hunt. The package, directed by Jonah Estrada, begins shooting in March.` },
      { o: 'vi', at: '11-09 20:05', cat: ['Film', 'Streaming'],
        h: `Netflix Lands Hot Package 'The Understudy' After Multi-Studio Auction`,
        b: `Netflix has acquired *The Understudy* for more than $30 million following a four-day auction, according to sources. Calder Whitlock, who also stars in Harbor Light's *The Lantern Keeper*, plays a washed-up stage actor who witnesses a murder during a blackout performance.` },
      { o: 'ws', at: '11-10 08:00', cat: ['Movies', 'Deals'],
        h: `Netflix Pays Big for Broadway Thriller 'The Understudy'`,
        b: `Netflix is the winner in the first big package auction of the fall. The streamer paid over $30 million for *The Understudy*, beating Amazon MGM in the final round, two people with knowledge of the deal said.` },
    ] },
  { id: 'deal-a24-little-ghosts', type: 'acquisition', studios: ['A24'], titles: ['Little Ghosts of Tin Street'],
    v: [
      { o: 'a24', at: '11-10 08:00', cat: ['Film'],
        h: `A24 Acquires LITTLE GHOSTS OF TIN STREET`,
        b: `A24 has acquired worldwide rights to LITTLE GHOSTS OF TIN STREET, the debut feature from writer-director Ama Boateng-Reyes, following its premiere at the BFI London Film Festival. A24 will release the film in 2027.` },
      { o: 'iw', at: '11-10 10:45', cat: ['Film', 'Acquisitions'],
        h: `A24 Takes Worldwide Rights to London Film Festival Breakout 'Little Ghosts of Tin Street'`,
        b: `A24 has bought *Little Ghosts of Tin Street*, Ama Boateng-Reyes' coming-of-age ghost story set in a Philadelphia rowhouse. The film won the Sutherland Award for first feature at London. Price was in the low seven figures.` },
      { o: 'sd', at: '11-10 12:30', cat: ['News', 'Acquisitions'],
        h: `A24 buys London winner 'Little Ghosts of Tin Street' for the world`,
        b: `A24 has acquired worldwide rights to Ama Boateng-Reyes' *Little Ghosts of Tin Street*, which won the Sutherland Award at the BFI London Film Festival in October. The deal was negotiated with CAA Media Finance.` },
    ] },
  { id: 'deal-lionsgate-borrowed-thunder', type: 'acquisition', studios: ['Lionsgate'], titles: ['Borrowed Thunder'],
    v: [
      { o: 'lg', at: '11-09 09:00', cat: ['Press Release'],
        h: `LIONSGATE ACQUIRES U.S. RIGHTS TO ACTION-COMEDY BORROWED THUNDER`,
        b: `SANTA MONICA, CA (November 9, 2026) - Lionsgate announced today that it has acquired U.S. distribution rights to BORROWED THUNDER, the action-comedy starring Reggie Fontaine and Marisa Kwon. Lionsgate will release the film theatrically in summer 2027.` },
      { o: 'dw', at: '11-09 10:30', cat: ['Film', 'Acquisitions', 'AFM', 'Lionsgate'],
        h: `Lionsgate Nabs U.S. On Reggie Fontaine Action-Comedy 'Borrowed Thunder' At AFM`,
        b: `Lionsgate has picked up U.S. rights to *Borrowed Thunder*, the Reggie Fontaine-Marisa Kwon action-comedy, in a mid-seven-figure deal struck at AFM. Highland Film Group is handling international sales.` },
      { o: 'hl', at: '11-09 13:00', cat: ['Movies', 'Deals'],
        h: `AFM: Lionsgate Buys 'Borrowed Thunder' for Summer 2027`,
        b: `Lionsgate has acquired *Borrowed Thunder*, one of the more talked-about finished films at this year's AFM, for a summer 2027 theatrical release.` },
    ] },
  { id: 'deal-spc-derniere-maree', type: 'acquisition', studios: ['Sony Pictures Classics'], titles: ['La Dernière Marée'],
    v: [
      { o: 'iw', at: '11-02 12:00', cat: ['Film', 'Acquisitions'],
        h: `Sony Pictures Classics Acquires Cannes Drama 'La Dernière Marée'`,
        b: `Sony Pictures Classics has acquired North American rights to *La Dernière Marée*, Élodie Garnier's Breton-set drama that premiered in Un Certain Regard. SPC plans a spring 2027 release.` },
      { o: 'sd', at: '11-02 14:40', cat: ['News', 'Acquisitions'],
        h: `SPC takes North America on Élodie Garnier's 'La Dernière Marée'`,
        b: `Sony Pictures Classics has struck a deal with Pyramide International for North American rights to *La Dernière Marée*. The film won the Cannes Un Certain Regard jury prize in May.` },
    ] },
  { id: 'deal-harbor-rust-belt', type: 'acquisition', studios: ['Harbor Light Pictures'], titles: ['Rust Belt Hymnal'],
    v: [
      { o: 'dw', at: '10-30 12:15', cat: ['Film', 'Acquisitions'],
        h: `Harbor Light Pictures Pre-Buys Sundance Hopeful 'Rust Belt Hymnal'`,
        b: `Harbor Light Pictures has acquired worldwide rights to *Rust Belt Hymnal*, a musical drama from director Corey Lindstrom, ahead of an expected Sundance submission. Declan Mirowski, star of Harbor Light's *Saltwater Saints*, leads the cast.` },
      { o: 'iw', at: '10-30 15:00', cat: ['Film', 'Acquisitions'],
        h: `Harbor Light Doubles Down on Music Dramas With 'Rust Belt Hymnal'`,
        b: `Harbor Light Pictures is betting that *Saltwater Saints* isn't a one-off. The company has acquired Corey Lindstrom's *Rust Belt Hymnal*, about a steelworkers' choir in Youngstown, Ohio, and will release it in 2027.` },
    ] },

  // ---------- acquisitions (single outlet) ----------
  { id: 'deal-amazon-docs', type: 'acquisition', studios: ['Amazon MGM Studios'], titles: ['Sideline'],
    v: [
      { o: 'ws', at: '10-20 11:30', cat: ['Movies', 'Deals'],
        h: `Amazon MGM Buys Sports Doc 'Sideline' for Prime Video`,
        b: `Amazon MGM Studios has acquired *Sideline*, a documentary about the first woman to coach in a major college football program, for Prime Video. The film premiered at DOC NYC.` },
    ] },
  { id: 'deal-neon-cannes-title', type: 'acquisition', studios: ['Neon'], titles: ['Bright Hollow'],
    v: [
      { o: 'sd', at: '10-13 04:00', cat: ['News', 'Acquisitions'],
        h: `Neon swoops on Korean thriller 'Bright Hollow' for North America`,
        b: `Neon has acquired North American rights to *Bright Hollow*, director Han Ji-won's psychological thriller, from Seoul-based Finecut. The film premiered at Busan.` },
    ] },
  { id: 'deal-universal-imax', type: 'other', studios: ['Universal Pictures'], titles: ['Skyward Sprocket'],
    v: [
      { o: 'bp', at: '11-19 10:00', cat: ['Exhibition'],
        h: `'Skyward Sprocket' Locks IMAX and Dolby Screens for Three Weeks Starting Dec. 11`,
        b: `Universal has secured IMAX and Dolby Cinema screens for *Skyward Sprocket* for the three weeks following its Dec. 11 opening, according to exhibition sources. That leaves Harbor Light's *The Lantern Keeper*, opening the same day, without premium large-format screens in most top markets.` },
    ] },
  { id: 'deal-paramount-streaming', type: 'acquisition', studios: ['Paramount Pictures'], titles: ['Overtime'],
    v: [
      { o: 'vi', at: '11-25 09:30', cat: ['Film', 'Streaming'],
        h: `Paramount+ Sets Early Streaming Date for 'Overtime'`,
        b: `Paramount's *Overtime* will stream on Paramount+ starting Dec. 29, just 46 days after its theatrical debut. The film has grossed ${T('overtime', 3)} domestically.` },
    ] },
  { id: 'deal-a24-apple', type: 'acquisition', studios: ['A24'], titles: ['Velvet Hours'],
    v: [
      { o: 'ws', at: '11-13 10:00', cat: ['Movies', 'Deals'],
        h: `A24 Strikes Pay-One Deal for 'Velvet Hours' and 2027 Slate`,
        b: `A24 has signed a pay-one window agreement with HBO covering *Velvet Hours* and the distributor's 2027 theatrical releases. Terms were not disclosed.` },
    ] },
  { id: 'deal-sony-crunchyroll', type: 'acquisition', studios: ['Sony Pictures', 'Crunchyroll'], titles: ['Spirit Blade: The Crimson Gate'],
    v: [
      { o: 'cc', at: '10-19 13:00', cat: ['Movie News', 'Anime'],
        h: `'Spirit Blade: The Crimson Gate' Gets November Release From Crunchyroll and Sony`,
        b: `Crunchyroll and Sony Pictures Releasing will bring *Spirit Blade: The Crimson Gate* to more than 2,000 North American theaters on November 6, in both subtitled and English-dubbed versions.` },
    ] },

  // ---------- greenlights (multi-outlet) ----------
  { id: 'gl-paws-of-thunder-2', type: 'greenlight', studios: ['Paramount Pictures'], titles: ['Paws of Thunder 2'],
    v: [
      { o: 'dw', at: '10-19 09:00', cat: ['Film', 'Paramount'],
        h: `Paramount Greenlights 'Paws Of Thunder' Sequel For Fall 2028`,
        b: `Paramount Animation is moving ahead with *Paws of Thunder 2* after the original crossed $65 million domestically in three weekends. Director Hollis Tran returns; the studio is targeting fall 2028.` },
      { o: 'hl', at: '10-19 10:40', cat: ['Movies', 'Movie News'],
        h: `'Paws of Thunder' Is Getting a Sequel`,
        b: `Paramount has officially greenlit a sequel to its animated hit *Paws of Thunder*, which has been one of the fall's steadiest performers. No release date has been set, but the studio is eyeing 2028.` },
    ] },
  { id: 'gl-red-canyon-run-2', type: 'greenlight', studios: ['Lionsgate'], titles: ['Red Canyon Run 2'],
    v: [
      { o: 'lg', at: '11-05 09:00', cat: ['Press Release'],
        h: `LIONSGATE GREENLIGHTS RED CANYON RUN 2`,
        b: `SANTA MONICA, CA (November 5, 2026) - Lionsgate today announced that RED CANYON RUN 2 is officially in development, with director Teo Vukovic and star Callum Reyes returning. RED CANYON RUN has grossed more than $34 million at the domestic box office since its October 23 debut.` },
      { o: 'dw', at: '11-05 10:10', cat: ['Film', 'Lionsgate'],
        h: `Lionsgate Greenlights 'Red Canyon Run 2' With Callum Reyes Returning`,
        b: `Lionsgate is going back to the canyon. The studio has greenlit *Red Canyon Run 2*, with Callum Reyes and director Teo Vukovic returning. The original has made ${T('red-canyon-run', 0)} through its second weekend.` },
      { o: 'ws', at: '11-05 13:20', cat: ['Movies', 'Sequels'],
        h: `'Red Canyon Run' Sequel Is a Go at Lionsgate`,
        b: `Lionsgate has ordered a sequel to *Red Canyon Run*, its mid-budget chase thriller. The film was one of the few original action releases to hold well this fall, down just 46% in its second weekend.` },
    ] },
  { id: 'gl-hbo-ashfall', type: 'greenlight', studios: ['Warner Bros.'], titles: ['Ashfall'],
    v: [
      { o: 'vi', at: '11-03 09:45', cat: ['TV', 'News'],
        h: `HBO Orders Volcano Drama 'Ashfall' to Series`,
        b: `HBO has given a series order to *Ashfall*, a drama set in the aftermath of a supervolcano eruption in the Pacific Northwest. Imelda Rourke is showrunner; Odessa Lark stars.` },
      { o: 'ws', at: '11-03 12:00', cat: ['TV', 'Greenlights'],
        h: `HBO Greenlights 'Ashfall' Series With Odessa Lark`,
        b: `HBO is going big on disaster: *Ashfall*, from writer Imelda Rourke, has received an eight-episode series order. Odessa Lark leads the cast as a seismologist.` },
    ] },
  { id: 'gl-glimmerglass-sequel', type: 'greenlight', studios: ['Universal Pictures'], titles: ['Glimmerglass: Part Two'],
    v: [
      { o: 'dw', at: '11-24 11:30', cat: ['Film', 'Universal'],
        h: `Universal Greenlights 'Glimmerglass: Part Two', Dates It For Thanksgiving 2028`,
        b: `Universal Pictures has greenlit *Glimmerglass: Part Two* and dated it for November 22, 2028, after the musical fantasy opened to ${M('glimmerglass', 3)}. Wren Ashby and director Odile Fairweather return.` },
      { o: 'vi', at: '11-24 13:00', cat: ['Film', 'News'],
        h: `'Glimmerglass' Sequel Set for November 2028`,
        b: `Universal is heading back through the looking glass. The studio on Tuesday dated *Glimmerglass: Part Two* for Nov. 22, 2028, two days after the original's opening weekend actuals confirmed a ${M('glimmerglass', 3)} start.` },
      { o: 'cc', at: '11-24 14:45', cat: ['Movie News', 'Musicals'],
        h: `'Glimmerglass 2' Is Officially Happening`,
        b: `Get your voices warmed up. Universal has announced *Glimmerglass: Part Two* for Thanksgiving 2028. Director Odile Fairweather says the sequel picks up "one minute after the final song."` },
    ] },

  // ---------- greenlights (single outlet) ----------
  { id: 'gl-netflix-series', type: 'greenlight', studios: ['Netflix'], titles: ['The Orchard House'],
    v: [
      { o: 'vi', at: '10-16 11:00', cat: ['TV', 'Streaming'],
        h: `Netflix Orders 'The Orchard House' Drama From 'Glass Orchard' Team`,
        b: `Netflix has ordered a six-episode series, *The Orchard House*, from *The Glass Orchard* writer-director Rosalind Achterberg. It will shoot in the Netherlands next summer.` },
    ] },
  { id: 'gl-amazon-series', type: 'greenlight', studios: ['Amazon MGM Studios'], titles: ['Saltmarsh'],
    v: [
      { o: 'ws', at: '10-28 10:10', cat: ['TV', 'Greenlights'],
        h: `Prime Video Greenlights Gothic Series 'Saltmarsh'`,
        b: `Prime Video has ordered *Saltmarsh*, a gothic mystery series set on the Essex coast, from Amazon MGM Studios and Bad Wolf. Eight episodes.` },
    ] },
  { id: 'gl-a24-series', type: 'greenlight', studios: ['A24'], titles: ['Halfway House'],
    v: [
      { o: 'a24', at: '10-20 08:00', cat: ['TV'],
        h: `HALFWAY HOUSE Ordered to Series at HBO`,
        b: `A24's HALFWAY HOUSE, a half-hour comedy created by and starring Gus Abernathy, has been ordered to series at HBO. Production begins in Philadelphia in early 2027.` },
    ] },
  { id: 'gl-harbor-lantern-sequel', type: 'greenlight', studios: ['Harbor Light Pictures'], titles: ['The Lantern Keeper'],
    v: [
      { o: 'hl', at: '11-24 16:00', cat: ['Movies', 'Movie News'],
        h: `Harbor Light Hires Writer for Possible 'Lantern Keeper' Sequel Ahead of Release`,
        b: `Harbor Light Pictures has hired screenwriter Mara Ellison to draft a sequel to *The Lantern Keeper*, two weeks before the original opens. A company spokesperson called it "routine development" and said the film is "exactly where it wants to be on Dec. 11."` },
    ] },
  { id: 'gl-disney-tidepool-series', type: 'greenlight', studios: ['Walt Disney Studios'], titles: ['Tidepool'],
    v: [
      { o: 'cc', at: '11-25 09:00', cat: ['TV', 'Animation'],
        h: `Disney+ Orders 'Tidepool' Spinoff Series Ahead of Film's Release`,
        b: `Disney+ has ordered a 10-episode spinoff series based on Pixar's *Tidepool*, following the hermit crab Pim and his friends. The order came hours before the film opens on Wednesday.` },
    ] },
];
