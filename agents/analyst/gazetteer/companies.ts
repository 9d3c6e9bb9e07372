// The company gazetteer: studios, distributors, networks, streamers, labels and production companies, with aliases
// and the parent each rolls up to (Searchlight Pictures → Walt Disney Studios, Screen Gems → Sony Pictures).
//
// One line per company: `Canonical name | kind | parent | alias; alias; …`.
// - The canonical name is always an alias too. Parent is empty for a top-level company.
// - Alias prefixes say how an alias may match (see studios.ts): plain = any capitalized spelling; `~` = an everyday
//   word or a person's name too ("Universal", "Fox", "Max"): exact case or all caps only, and guarded by the words
//   around it; `?` = counts only when the same company is also named by another alias in the story.
// - Kinds `exhibitor` and `agency` are known so that their names are not mistaken for a studio ("AMC Theatres" is not
//   AMC the network), but they are never reported as a story's studios.
// Ownership is as of 2026 (Skydance under Paramount, Starz apart from Lionsgate, Crunchyroll under Sony).

export type CompanyKind =
  | 'major'
  | 'mini-major'
  | 'specialty'
  | 'streamer'
  | 'network'
  | 'production'
  | 'animation'
  | 'distributor'
  | 'international'
  | 'exhibitor'
  | 'agency'
  | 'music'
  | 'brand';

/** One company as the gazetteer lists it. */
export interface CompanyEntry {
  name: string;
  kind: CompanyKind;
  parent: string | null;
  aliases: readonly string[];
}

const DATA = String.raw`
# ---- The Walt Disney Company ----
Walt Disney Studios | major | | Walt Disney Studios; The Walt Disney Company; Walt Disney Co.; Walt Disney Company; Disney; Walt Disney; Walt Disney Pictures; Walt Disney Studios Motion Pictures; Disney Entertainment; Disney Studios; Disney Live Action; Disney Branded Television; Disney Television Studios
Walt Disney Animation Studios | animation | Walt Disney Studios | Walt Disney Animation Studios; Walt Disney Animation; Disney Animation
Pixar | animation | Walt Disney Studios | Pixar; Pixar Animation Studios
Marvel Studios | production | Walt Disney Studios | Marvel Studios; Marvel Entertainment; Marvel Television; Marvel Animation; ~Marvel
Lucasfilm | production | Walt Disney Studios | Lucasfilm; Lucasfilm Ltd.; Lucasfilm Animation
20th Century Studios | major | Walt Disney Studios | 20th Century Studios; Twentieth Century Studios; 20th Century Fox; Twentieth Century Fox; ~20th Century
Searchlight Pictures | specialty | Walt Disney Studios | Searchlight Pictures; Fox Searchlight; Fox Searchlight Pictures; ~Searchlight
Disney+ | streamer | Walt Disney Studios | Disney+; Disney Plus; Disney+ Hotstar
Hulu | streamer | Walt Disney Studios | Hulu; Hulu Originals; Hulu Live TV
ESPN+ | streamer | Walt Disney Studios | ESPN+; ESPN Plus
ABC | network | Walt Disney Studios | ABC; ABC Network; ABC Entertainment; ABC Television Network; ABC Studios; ABC Signature; ABC News
FX | network | Walt Disney Studios | ~FX; FX Networks; FX Productions; FXX
Freeform | network | Walt Disney Studios | ~Freeform; ABC Family
Disney Channel | network | Walt Disney Studios | Disney Channel; Disney Junior; Disney XD; Disney Television Animation
National Geographic | network | Walt Disney Studios | National Geographic; Nat Geo; National Geographic Channel; Nat Geo Wild; National Geographic Documentary Films
ESPN | network | Walt Disney Studios | ESPN; ESPN Films; ESPN2
20th Television | production | Walt Disney Studios | 20th Television; 20th Century Fox Television; 20th Television Animation; Twentieth Century Fox Television
Onyx Collective | production | Walt Disney Studios | Onyx Collective
Star+ | streamer | Walt Disney Studios | Star+; Star Plus
# ---- Warner Bros. Discovery ----
Warner Bros. Pictures | major | | Warner Bros. Pictures; Warner Bros.; Warner Bros; Warner Brothers; Warner Bros. Discovery; Warner Bros Discovery; Warner Bros. Entertainment; Warner Bros. Pictures Group; Warner Bros. Motion Picture Group; Warners; WarnerMedia; Warner Media; ~WBD; ~WB; Warner Bros. Pictures Animation; Warner Independent Pictures
New Line Cinema | production | Warner Bros. Pictures | New Line Cinema; ~New Line
DC Studios | production | Warner Bros. Pictures | DC Studios; DC Films; DC Entertainment; DC Comics
Warner Bros. Television | production | Warner Bros. Pictures | Warner Bros. Television; Warner Bros. TV; Warner Bros. Television Group; Warner Bros. Animation; Warner Horizon; Warner Bros. Unscripted Television
HBO | network | Warner Bros. Pictures | HBO; HBO Films; HBO Documentary Films; HBO Documentaries; Home Box Office; Cinemax
HBO Max | streamer | Warner Bros. Pictures | HBO Max; ~Max
Discovery | network | Warner Bros. Pictures | ~Discovery; Discovery Inc.; Discovery Channel; Discovery+; Discovery Plus; ~TLC; HGTV; Food Network; Investigation Discovery; Animal Planet; Travel Channel; Magnolia Network; ~OWN; Oprah Winfrey Network; Warner Bros. Discovery Networks
CNN | network | Warner Bros. Pictures | CNN; CNN Films; CNN+; HLN
TNT | network | Warner Bros. Pictures | TNT; TBS; truTV; Turner Broadcasting; Turner Classic Movies; ~TCM; TNT Sports
Cartoon Network | network | Warner Bros. Pictures | Cartoon Network; Cartoon Network Studios; Adult Swim; Boomerang
Castle Rock Entertainment | production | | Castle Rock Entertainment; Castle Rock
Warner Bros. Home Entertainment | distributor | Warner Bros. Pictures | Warner Bros. Home Entertainment; Warner Home Video; Warner Bros. Discovery Home Entertainment
# ---- Comcast / NBCUniversal ----
Universal Pictures | major | | Universal Pictures; Universal Studios; Universal Pictures International; Universal Pictures Content Group; Universal Filmed Entertainment Group; Universal Pictures Home Entertainment; Universal 1440 Entertainment; NBCUniversal; NBC Universal; NBCU; ~Universal
Focus Features | specialty | Universal Pictures | Focus Features; ~Focus
Illumination | animation | Universal Pictures | Illumination Entertainment; ~Illumination
DreamWorks Animation | animation | Universal Pictures | DreamWorks Animation; DreamWorks Animation Television; ~DreamWorks
Working Title Films | production | Universal Pictures | Working Title Films; ~Working Title
Peacock | streamer | Universal Pictures | ~Peacock
NBC | network | Universal Pictures | NBC; NBC Entertainment; NBC News; NBC Sports; NBCUniversal Television
Universal Television | production | Universal Pictures | Universal Television; Universal TV; Universal Content Productions; ~UCP; Universal International Studios; Universal Studio Group; Universal Television Alternative Studio
Bravo | network | Universal Pictures | ~Bravo
USA Network | network | Universal Pictures | USA Network
Syfy | network | Universal Pictures | Syfy; SyFy; Sci Fi Channel
E! | network | Universal Pictures | E!; E! Entertainment; E! Network; E! News
Oxygen | network | Universal Pictures | Oxygen Media; Oxygen True Crime; ~Oxygen
Telemundo | network | Universal Pictures | Telemundo
Sky | network | Universal Pictures | Sky Studios; Sky Original Films; Sky Cinema; Sky Atlantic; Sky Group; Sky UK; Sky Max; Sky Comedy; Sky Documentaries; Sky Arts; Sky News; ~Sky
Versant | network | | Versant; Versant Media
MSNBC | network | Versant | MSNBC; MS NOW
CNBC | network | Versant | CNBC
# ---- Sony ----
Sony Pictures | major | | Sony Pictures; Sony Pictures Entertainment; Sony Pictures Releasing; Sony Pictures Releasing International; Sony Pictures Motion Picture Group; Sony Group; Sony; Stage 6 Films; Affirm Films; 3000 Pictures
Columbia Pictures | major | Sony Pictures | Columbia Pictures; ~Columbia
Screen Gems | production | Sony Pictures | Screen Gems
TriStar Pictures | production | Sony Pictures | TriStar Pictures; TriStar; Tri-Star
Sony Pictures Animation | animation | Sony Pictures | Sony Pictures Animation; Sony Pictures Imageworks
Sony Pictures Classics | specialty | Sony Pictures | Sony Pictures Classics; ~SPC
Sony Pictures Television | production | Sony Pictures | Sony Pictures Television; Sony Pictures TV; Sony TV; Game Show Network; GSN; Bad Wolf; Left Bank Pictures; Embassy Row
Crunchyroll | streamer | Sony Pictures | Crunchyroll; Funimation; Funimation Films; Aniplex; Aniplex of America
Alamo Drafthouse | exhibitor | Sony Pictures | Alamo Drafthouse; Alamo Drafthouse Cinema
# ---- Paramount Skydance ----
Paramount Pictures | major | | Paramount Pictures; Paramount Global; Paramount Skydance; ViacomCBS; Viacom; Paramount Players; ~Paramount
Paramount+ | streamer | Paramount Pictures | Paramount+; Paramount Plus; CBS All Access; Paramount+ with Showtime
Paramount Animation | animation | Paramount Pictures | Paramount Animation; Nickelodeon Movies; Nickelodeon Animation; Nickelodeon Animation Studio
CBS | network | Paramount Pictures | CBS; CBS Studios; CBS Television Studios; CBS Entertainment; CBS Films; CBS News; CBS Television Network
Showtime | network | Paramount Pictures | Showtime Networks; ~Showtime
Paramount Television Studios | production | Paramount Pictures | Paramount Television Studios; Paramount Television; Paramount TV Studios; Paramount Media Networks
MTV | network | Paramount Pictures | MTV; MTV Entertainment; MTV Entertainment Studios; MTV Films; VH1; CMT; TV Land; Logo TV; Pop TV; Comedy Central
Nickelodeon | network | Paramount Pictures | Nickelodeon; Nick Jr.; Nicktoons
BET | network | Paramount Pictures | BET; BET+; BET Plus; BET Networks; BET Studios
Pluto TV | streamer | Paramount Pictures | Pluto TV
Skydance | production | Paramount Pictures | Skydance; Skydance Media; Skydance Animation; Skydance Television; Skydance Sports
Channel 5 | network | Paramount Pictures | Channel 5; My5
Network 10 | network | Paramount Pictures | Network 10; Network Ten; Channel 10; 10 Play
# ---- Amazon ----
Amazon MGM Studios | major | | Amazon MGM Studios; Amazon MGM; Amazon Studios; Amazon MGM Studios Distribution; Amazon Content; MGM; Metro-Goldwyn-Mayer; MGM Studios; MGM Television; United Artists; United Artists Releasing; Orion Pictures; Orion Releasing; American International Pictures; ~Amazon
Prime Video | streamer | Amazon MGM Studios | Prime Video; Amazon Prime Video; Amazon Prime; ~Prime; Amazon Originals
MGM+ | streamer | Amazon MGM Studios | MGM+; MGM Plus; Epix; EPIX
Freevee | streamer | Amazon MGM Studios | Freevee; Amazon Freevee; IMDb TV
# ---- Apple ----
Apple TV+ | streamer | | Apple TV+; Apple TV Plus; Apple TV; Apple Studios; Apple Inc.; ~Apple
Apple Original Films | production | Apple TV+ | Apple Original Films
# ---- Netflix ----
Netflix | streamer | | Netflix; Netflix Animation; Netflix Studios; Netflix Originals; Netflix Inc.
Animal Logic | animation | Netflix | Animal Logic
# ---- Lionsgate ----
Lionsgate | mini-major | | Lionsgate; Lions Gate; Lions Gate Entertainment; Lionsgate Films; Lionsgate Motion Picture Group; Lionsgate Studios; Lionsgate Television; Lionsgate TV; Lionsgate Home Entertainment; Codeblack Films; Pantelion Films; Grindstone Entertainment; Grindstone Entertainment Group
Summit Entertainment | production | Lionsgate | Summit Entertainment
Roadside Attractions | distributor | Lionsgate | Roadside Attractions
Entertainment One | distributor | Lionsgate | Entertainment One; ~eOne
3 Arts Entertainment | production | Lionsgate | 3 Arts Entertainment; 3 Arts
Starz | network | | Starz; STARZ; Starz Entertainment; Starzplay; STARZPLAY; Lionsgate+
# ---- AMC Networks ----
AMC Networks | network | | AMC Networks; AMC Studios
AMC | network | AMC Networks | AMC; AMC+; AMC Plus
IFC Films | specialty | AMC Networks | IFC Films; IFC Midnight; ~IFC
Shudder | streamer | AMC Networks | ~Shudder
SundanceTV | network | AMC Networks | SundanceTV; Sundance TV; Sundance Channel; Sundance Now
BBC America | network | AMC Networks | BBC America
Acorn TV | streamer | AMC Networks | Acorn TV; Acorn Media
ALLBLK | streamer | AMC Networks | ALLBLK; Allblk; Urban Movie Channel
RLJE Films | distributor | AMC Networks | RLJE Films; RLJ Entertainment
# ---- Fox Corporation ----
Fox | network | | Fox Corporation; Fox Corp.; Fox Entertainment; Fox Broadcasting; Fox Broadcasting Company; Fox Network; Fox Entertainment Studios; Fox Alternative Entertainment; ~Fox
Tubi | streamer | Fox | Tubi; Tubi TV
Fox News | network | Fox | Fox News; Fox News Channel; Fox Nation; Fox Business; Fox Sports; FS1
Bento Box Entertainment | animation | Fox | Bento Box Entertainment; Bento Box
# ---- other US networks and streamers ----
The CW | network | | The CW; CW Network; The CW Network; ~CW
Nexstar | network | | Nexstar; Nexstar Media Group
PBS | network | | PBS; PBS Kids; PBS Masterpiece; Independent Lens
A+E Networks | network | | A+E Networks; A&E Networks; A+E Studios; A+E Global Media
A&E | network | A+E Networks | A&E; A&E Network; FYI
History | network | A+E Networks | History Channel; The History Channel; ~History
Lifetime | network | A+E Networks | ~Lifetime; Lifetime Television; Lifetime Movie Network; LMN
Hallmark Media | network | | Hallmark Media; Hallmark Channel; Hallmark Movies & Mysteries; Hallmark Movies Now; Hallmark+; Crown Media; Crown Media Family Networks; ~Hallmark
Great American Media | network | | Great American Media; Great American Family; Great American Pure Flix; Pure Flix; GAC Family
UP Entertainment | network | | UPtv; UP Faith & Family; UP Entertainment
ION | network | | ION Television; ION Media; E.W. Scripps; Scripps
TelevisaUnivision | network | | TelevisaUnivision; Univision; ViX; Vix; UniMás; Pantaya; Videocine
Roku | streamer | | Roku; The Roku Channel; Roku Channel; Roku Originals
YouTube | streamer | | YouTube; YouTube Originals; YouTube Premium; YouTube TV
Crackle | streamer | | ~Crackle; Crackle Plus; Chicken Soup for the Soul Entertainment; Chicken Soup for the Soul; Screen Media; Screen Media Films; Redbox Entertainment; Redbox
Plex | streamer | | ~Plex
Fandango | streamer | | Fandango; Fandango at Home; Vudu; FandangoNow
Quibi | streamer | | Quibi
BritBox | streamer | | BritBox; BritBox International
Philo | streamer | | ~Philo
fuboTV | streamer | | fuboTV; FuboTV; Fubo
Sling TV | streamer | | Sling TV; Dish Network; DirecTV; DIRECTV
CuriosityStream | streamer | | CuriosityStream; Curiosity Stream
Kanopy | streamer | | Kanopy
Hoopla | streamer | | Hoopla; hoopla
Viki | streamer | | Rakuten Viki; ~Viki
Kocowa | streamer | | Kocowa; KOCOWA
Cineverse | distributor | | Cineverse; Cinedigm; Cinedigm Entertainment
Screambox | streamer | Cineverse | Screambox
Bloody Disgusting | production | Cineverse | Bloody Disgusting
Snag Films | streamer | | SnagFilms
Twitch | streamer | | Twitch
Spotify | streamer | | Spotify; Spotify Studios
Audible | production | Amazon MGM Studios | Audible
# ---- independents, mini-majors, specialty labels ----
A24 | mini-major | | A24; A24 Films
Neon | specialty | | ~Neon; Neon Rated
Bleecker Street | specialty | | Bleecker Street Media; ~Bleecker Street
Annapurna Pictures | production | | Annapurna Pictures; Annapurna; Annapurna Television; Annapurna Interactive
Blumhouse | production | | Blumhouse; Blumhouse Productions; Blumhouse Television; BlumTV; Blumhouse-Atomic Monster; Atomic Monster
Legendary Entertainment | production | | Legendary Entertainment; Legendary Pictures; Legendary Television; ~Legendary
STX Entertainment | mini-major | | STX Entertainment; STXfilms; STX Films; STXinternational; ~STX
Open Road Films | distributor | | Open Road Films
Miramax | production | | Miramax; Miramax Films; Miramax Television
Amblin Entertainment | production | | Amblin Entertainment; Amblin Partners; Amblin Television; Amblin; DreamWorks Pictures; DreamWorks SKG
Participant | production | | Participant Media; ~Participant; Participant Productions
FilmNation Entertainment | production | | FilmNation Entertainment; FilmNation
Black Bear Pictures | production | | Black Bear Pictures; Black Bear International; ~Black Bear
Kino Lorber | specialty | | Kino Lorber; Kino Marquee
Janus Films | specialty | | Janus Films; ~Janus
Criterion Collection | specialty | | Criterion Collection; The Criterion Collection; Criterion Channel; The Criterion Channel; ~Criterion
Oscilloscope | specialty | | Oscilloscope Laboratories; Oscilloscope; Oscilloscope Pictures
Magnolia Pictures | specialty | | Magnolia Pictures; Magnet Releasing; ~Magnolia
Mubi | specialty | | Mubi; MUBI
Utopia | specialty | | Utopia Distribution; Utopia Media; ~Utopia
Greenwich Entertainment | specialty | | Greenwich Entertainment
Strand Releasing | specialty | | Strand Releasing
Vertical Entertainment | distributor | | Vertical Entertainment
Saban Films | distributor | | Saban Films
Gravitas Ventures | distributor | | Gravitas Ventures
Quiver Distribution | distributor | | Quiver Distribution
Shout! Studios | distributor | | Shout! Studios; Shout! Factory; Shout Factory; Shout! Factory Films
Blue Fox Entertainment | distributor | | Blue Fox Entertainment
Music Box Films | specialty | | Music Box Films
Cohen Media Group | specialty | | Cohen Media Group
Film Movement | specialty | | Film Movement
Zeitgeist Films | specialty | | Zeitgeist Films
First Run Features | specialty | | First Run Features
Abramorama | distributor | | Abramorama
Fathom Entertainment | distributor | | Fathom Entertainment; Fathom Events; ~Fathom
Angel Studios | distributor | | Angel Studios; Angel Guild; ?Angel
Briarcliff Entertainment | distributor | | Briarcliff Entertainment; Briarcliff
Aviron Pictures | distributor | | Aviron Pictures; Aviron
Allen Media Group | distributor | | Allen Media Group; Entertainment Studios; Entertainment Studios Motion Pictures; Byron Allen's Entertainment Studios
Relativity Media | distributor | | Relativity Media
The Weinstein Company | production | | The Weinstein Company; Weinstein Company; TWC; Dimension Films
EuropaCorp | international | | EuropaCorp
Samuel Goldwyn Films | specialty | | Samuel Goldwyn Films
Well Go USA | distributor | | Well Go USA; Well Go USA Entertainment
GKIDS | distributor | | GKIDS
Eleven Arts | distributor | | Eleven Arts
Drafthouse Films | distributor | | Drafthouse Films
XYZ Films | distributor | | XYZ Films
Dark Sky Films | distributor | | Dark Sky Films
Lantern Entertainment | distributor | | Lantern Entertainment
Independent Film Company | distributor | | Independent Film Company; IFC Independent Film Company
Super LTD | distributor | | Super LTD
Sideshow | distributor | | Sideshow Releasing
Republic Pictures | distributor | Paramount Pictures | Republic Pictures Releasing
Paramount Network | network | Paramount Pictures | Paramount Network
UPN | network | Paramount Pictures | UPN; United Paramount Network
Sony Pictures Worldwide Acquisitions | distributor | Sony Pictures | SPWA
Row K Entertainment | distributor | | Row K Entertainment
1091 Pictures | distributor | | 1091 Pictures; 1091 Media
Decal | distributor | | Decal Releasing; ~Decal
Lionsgate UK | international | Lionsgate | Lionsgate UK
Picturehouse | distributor | | Picturehouse; Picturehouse Entertainment
Metrograph Pictures | distributor | | Metrograph Pictures
Roadshow Films | international | | Roadshow Films; Village Roadshow Entertainment Group
Village Roadshow Pictures | production | | Village Roadshow Pictures; Village Roadshow
Spyglass Media Group | production | | Spyglass Media Group; Spyglass Entertainment; ~Spyglass
Imagine Entertainment | production | | Imagine Entertainment; Imagine Documentaries; Imagine Television
Plan B Entertainment | production | | Plan B Entertainment; ~Plan B
Bad Robot | production | | Bad Robot; Bad Robot Productions
Smokehouse Pictures | production | | Smokehouse Pictures
Appian Way | production | | Appian Way; Appian Way Productions
Hello Sunshine | production | | Hello Sunshine
Killer Films | production | | Killer Films
Monkeypaw Productions | production | | Monkeypaw Productions; Monkeypaw
Gloria Sanchez Productions | production | | Gloria Sanchez Productions
Jerry Bruckheimer Films | production | | Jerry Bruckheimer Films; Jerry Bruckheimer Television
Lightstorm Entertainment | production | | Lightstorm Entertainment; Lightstorm
Heyday Films | production | | Heyday Films
Eon Productions | production | | Eon Productions; EON Productions
Aardman | animation | | Aardman; Aardman Animations
Laika | animation | | Laika; LAIKA; Laika Studios
Cartoon Saloon | animation | | Cartoon Saloon
Titmouse | animation | | Titmouse
Studio Ghibli | animation | | Studio Ghibli; Ghibli
Anonymous Content | production | | Anonymous Content
21 Laps Entertainment | production | | 21 Laps Entertainment; 21 Laps
Wayfarer Studios | production | | Wayfarer Studios
Point Grey Pictures | production | | Point Grey Pictures; Point Grey
Lord Miller | production | | Lord Miller; Lord Miller Productions
Scott Free Productions | production | | Scott Free Productions; Scott Free
Temple Hill Entertainment | production | | Temple Hill Entertainment; Temple Hill
di Bonaventura Pictures | production | | di Bonaventura Pictures; Di Bonaventura Pictures
Team Downey | production | | Team Downey
Platinum Dunes | production | | Platinum Dunes
Escape Artists | production | | Escape Artists
Higher Ground Productions | production | | Higher Ground Productions; ~Higher Ground
Archewell Productions | production | | Archewell Productions; Archewell
Skybound Entertainment | production | | Skybound Entertainment; Skybound
Boat Rocker | production | | Boat Rocker; Boat Rocker Media; Boat Rocker Studios
Fifth Season | production | | ?Fifth Season; Endeavor Content
Media Res | production | | Media Res
wiip | production | | wiip; Wiip
Tomorrow Studios | production | | Tomorrow Studios
Bron Studios | production | | Bron Studios; BRON Studios; Bron Creative
Mandalay Pictures | production | | Mandalay Pictures
Gold Circle Films | production | | Gold Circle Films
Pascal Pictures | production | | Pascal Pictures
Makeready | production | | Makeready
MRC | production | | MRC; Media Rights Capital; MRC Film; MRC Television
Alcon Entertainment | production | | Alcon Entertainment; Alcon
Davis Entertainment | production | | Davis Entertainment
Red Om Films | production | | Red Om Films
Hartbeat Productions | production | | Hartbeat Productions; Hartbeat
Khalabo Ink Society | production | | Khalabo Ink Society
Fuqua Films | production | | Fuqua Films
Tyler Perry Studios | production | | Tyler Perry Studios; Tyler Perry Productions
Gunpowder & Sky | production | | Gunpowder & Sky
Plan C | production | | Plan C Studios
SpringHill Company | production | | SpringHill Company; SpringHill Entertainment; SpringHill
Perfect World Pictures | production | | Perfect World Pictures
Thunder Road Films | production | | Thunder Road Films; Thunder Road Pictures
Fremantle | international | | Fremantle; FremantleMedia
Banijay | international | | Banijay; Banijay Group; Endemol Shine; Endemol Shine Group; Banijay Entertainment
All3Media | international | | All3Media; All3Media International; Studio Lambert
ITV | network | | ITV; ITVX; ITV2; ITV3; ITV4; ITVBe; ITV Hub; ITV Studios; ITV Studios America; ITV America; ITV Drama
BBC | network | | BBC; BBC One; BBC Two; BBC Three; BBC Four; BBC iPlayer; BBC Scotland; CBBC; CBeebies; British Broadcasting Corporation
BBC Studios | international | BBC | BBC Studios; BBC Worldwide; BBC Studios Productions
UKTV | network | BBC Studios | UKTV; U&Dave; U&Gold; U&Alibi
GB News | network | | GB News
RTÉ | network | | RTÉ; RTÉ One; RTÉ Two; RTÉ Player; Raidió Teilifís Éireann
Nippon Television | network | | Nippon Television; Nippon TV; Nippon Television Network
BBC Films | international | BBC | BBC Films; BBC Film
Channel 4 | network | | Channel 4; Film4; Film 4; E4
Canal+ | network | | Canal+; Canal Plus; Groupe Canal+
StudioCanal | international | Canal+ | StudioCanal; Studiocanal; STUDIOCANAL
Pathé | international | | Pathé; Pathe; Pathé Films
Gaumont | international | | Gaumont
Wild Bunch | international | | Wild Bunch; Wild Bunch International
Le Pacte | international | | Le Pacte
Constantin Film | international | | Constantin Film
Leonine | international | | Leonine; Leonine Studios
Beta Film | international | | Beta Film
Nordisk Film | international | | Nordisk Film
SF Studios | international | | SF Studios
Viaplay | international | | Viaplay
Mediapro | international | | Mediapro; The Mediapro Studio
Atresmedia | international | | Atresmedia
Movistar Plus+ | international | | Movistar Plus+; Movistar+
RAI | network | | ~RAI; Rai Cinema; Rai Fiction
Mediaset | network | | Mediaset; Medusa Film
ZDF | network | | ZDF; ZDF Studios; ZDFneo
ARD | network | | ARD; ARD Degeto
France Télévisions | network | | France Télévisions; France Televisions; France 2
Arte | network | | ~Arte; ARTE; Arte France
TF1 | network | | TF1; Groupe TF1
M6 | network | | M6; Groupe M6
RTL | network | | RTL; RTL+; RTL Group
ProSiebenSat.1 | network | | ProSiebenSat.1; Joyn; Seven.One
Bell Media | network | | Bell Media; ?Crave; CTV
CBC | network | | CBC; CBC Gem; Radio-Canada
Corus Entertainment | international | | Corus Entertainment; Corus; Global TV
Elevation Pictures | international | | Elevation Pictures
Mongrel Media | international | | Mongrel Media
Nine Entertainment | network | | Nine Entertainment; Nine Network; 9Now
DailyWire+ | streamer | | DailyWire+; Daily Wire+; DailyWire Plus
Foxtel | network | | Foxtel; Foxtel Group
ABC Australia | network | | ABC Australia; ABC iview
Madman Entertainment | international | | Madman Entertainment
Curzon | international | | Curzon; Curzon Film; Curzon Artificial Eye
Altitude Film | international | | Altitude Film Distribution; Altitude Films
Vertigo Releasing | international | | Vertigo Releasing
Signature Entertainment | international | | Signature Entertainment
Entertainment Film Distributors | international | | Entertainment Film Distributors; Entertainment Film
Toho | international | | Toho; Toho Co.; Toho International; TOHO
Toei | international | | Toei; Toei Animation; Toei Company
Shochiku | international | | Shochiku
Kadokawa | international | | Kadokawa; Kadokawa Pictures
Sony Music | music | | Sony Music Entertainment; Sony Music
CJ ENM | international | | CJ ENM; CJ Entertainment; Studio Dragon; tvN; TVING; Tving
Lotte Entertainment | international | | Lotte Entertainment
Showbox | international | | Showbox
JioStar | international | | JioStar; JioHotstar; Hotstar; JioCinema; Viacom18; Star India; Disney Star
Zee | international | | Zee5; ZEE5; Zee Studios; Zee Entertainment
SonyLIV | international | Sony Pictures | SonyLIV; Sony LIV
Yash Raj Films | international | | Yash Raj Films; YRF
Dharma Productions | international | | Dharma Productions
T-Series | international | | T-Series
Eros | international | | Eros International; Eros Now
iQiyi | international | | iQiyi; iQIYI
Tencent | international | | Tencent; Tencent Video; Tencent Pictures; WeTV
Youku | international | | Youku
Alibaba Pictures | international | | Alibaba Pictures
Huayi Brothers | international | | Huayi Brothers
Bona Film Group | international | | Bona Film Group; Bona Film
Wanda | international | | Wanda Group; Wanda Pictures; Dalian Wanda
China Film Group | international | | China Film Group; China Film Co.
Globo | network | | Globo; Globoplay; TV Globo
Televisa | network | TelevisaUnivision | Grupo Televisa
Shahid | international | | Shahid; MBC Group; MBC Studios
OSN | international | | OSN; OSN+
Showmax | international | | Showmax; MultiChoice
# ---- more independents, international and non-film companies that make or sell film and TV ----
New Regency | production | | New Regency; Regency Enterprises; New Regency Productions
TKO Group | production | | TKO Group; TKO Group Holdings; WWE; World Wrestling Entertainment; UFC
Nintendo | production | | Nintendo
Live Nation | distributor | | Live Nation; Live Nation Entertainment
Mediawan | international | | Mediawan; Mediawan Sport
C More | international | | C More
TV 2 | network | | TV2 Norway; TV 2 Norway; TV 2 Denmark; TV2 Denmark
Mill Creek Entertainment | distributor | | Mill Creek Entertainment
Ignite Films | distributor | | Ignite Films
Sumerian Pictures | distributor | | Sumerian Pictures
Obscured Releasing | distributor | | Obscured Releasing
WestEnd Films | international | | WestEnd Films
Goodfellas | international | | ~Goodfellas
Upside Down Pictures | production | | Upside Down Pictures
Vertigo Entertainment | production | | Vertigo Entertainment
Lucky Chap Entertainment | production | | LuckyChap Entertainment; LuckyChap; Lucky Chap
Ghost House Pictures | production | | Ghost House Pictures
Shout! Factory TV | streamer | Shout! Studios | Shout! Factory TV; Shout TV
Hallmark Movies | network | Hallmark Media | Hallmark Movies & More
Dark Horse Entertainment | production | | Dark Horse Entertainment; Dark Horse
Hasbro | production | | Hasbro; Hasbro Entertainment
Mattel | production | | Mattel; Mattel Films; Mattel Studios
Lego | brand | | The Lego Group; Lego Group
Sesame Workshop | production | | Sesame Workshop
Wonder Project | production | | Wonder Project
Amazon Studios Television | production | Amazon MGM Studios | Amazon Television
Stage 13 | production | Warner Bros. Pictures | Stage 13
Ley Line Entertainment | production | | Ley Line Entertainment
Topic Studios | production | | Topic Studios
Rooster Teeth | production | Warner Bros. Pictures | Rooster Teeth
Dropout | streamer | | Dropout
Nebula | streamer | | Nebula
Vimeo | streamer | | Vimeo
Apple Music | music | Apple TV+ | Apple Music
Universal Music Group | music | | Universal Music Group; UMG; Universal Music
Warner Music Group | music | | Warner Music Group; Warner Records; Warner Music
21st Century Fox | major | | 21st Century Fox; Twenty-First Century Fox; News Corp; News Corporation
AT&T | group | | AT&T; AT&T Inc.
Time Warner | group | | Time Warner; Time Warner Inc.; Time Warner Entertainment
Comcast Corporation | group | | Comcast Corporation; Comcast Corp.; Comcast
The Orchard | distributor | | The Orchard
Shondaland | production | | Shondaland
Arrow Video | distributor | | Arrow Video; Arrow Films
MVD Entertainment | distributor | | MVD Entertainment Group; MVD Entertainment; MVD
The Film Detective | distributor | | The Film Detective
NewsNation | network | Nexstar | NewsNation
Seven Network | network | | Seven Network; Seven West Media; 7plus
NonStop Sales | international | | NonStop Sales; NonStop Entertainment
Image Entertainment | distributor | | Image Entertainment
Kew Media | distributor | | Kew Media
Samuel Goldwyn Company | distributor | | Samuel Goldwyn Company
Happy Madison | production | | Happy Madison; Happy Madison Productions
Jerry Bruckheimer | production | Jerry Bruckheimer Films | Bruckheimer Films
Hello Sunshine TV | production | Hello Sunshine | Hello Sunshine Television
Berlanti Productions | production | | Berlanti Productions
Bad Hat Harry | production | | Bad Hat Harry Productions
Wolf Entertainment | production | | Wolf Entertainment; Wolf Films
Chuck Lorre Productions | production | | Chuck Lorre Productions
Kapital Entertainment | production | | Kapital Entertainment
# ---- exhibitors and agencies: known, never reported as studios ----
AMC Theatres | exhibitor | | AMC Theatres; AMC Theaters; AMC Entertainment; AMC Entertainment Holdings; AMC Theatres Distribution
Regal | exhibitor | | Regal Cinemas; Regal Entertainment; Cineworld; ~Regal
Cinemark | exhibitor | | Cinemark; Cinemark Theatres
IMAX | exhibitor | | IMAX; Imax; IMAX Corp.
Marcus Theatres | exhibitor | | Marcus Theatres
Harkins | exhibitor | | Harkins Theatres
Cinépolis | exhibitor | | Cinépolis; Cinepolis
Vue | exhibitor | | Vue Cinemas; Vue International
Odeon | exhibitor | | Odeon Cinemas; Odeon
Cineplex | exhibitor | | Cineplex; Cineplex Entertainment
Angelika | exhibitor | | Angelika Film Center
Landmark Theatres | exhibitor | | Landmark Theatres
Dolby | exhibitor | | Dolby; Dolby Cinema; Dolby Laboratories
CAA | agency | | CAA; Creative Artists Agency
WME | agency | | WME; William Morris Endeavor; Endeavor
UTA | agency | | UTA; United Talent Agency
Gersh | agency | | Gersh; The Gersh Agency
ICM Partners | agency | | ICM Partners; ICM
APA | agency | | Agency for the Performing Arts
Paradigm | agency | | Paradigm Talent Agency
Anonymous Artists | agency | | Range Media Partners; Range Media
Nielsen | agency | | Nielsen; Samba TV; Luminate; Parrot Analytics; Comscore; ComScore
`;

function parse(data: string): CompanyEntry[] {
  const out: CompanyEntry[] = [];
  for (const [i, raw] of data.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length !== 4) throw new Error(`gazetteer line ${i}: expected 4 fields: ${line}`);
    const [name, kind, parent, aliases] = parts as [string, CompanyKind, string, string];
    // Case variants of one alias are one alias: matching already accepts any capitalized or all-caps spelling.
    const keys = new Set<string>();
    const list = aliases
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a && !keys.has(a.replace(/^[~?]/, '').toLowerCase()) && keys.add(a.replace(/^[~?]/, '').toLowerCase()));
    const bare = new Set(list.map((a) => a.replace(/^[~?]/, '')));
    out.push({ name, kind, parent: parent || null, aliases: bare.has(name) ? list : [name, ...list] });
  }
  return out;
}

/** Every company the gazetteer knows, in file order (parents before or after children). */
export const COMPANIES: readonly CompanyEntry[] = parse(DATA);
