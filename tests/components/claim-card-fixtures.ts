// Small claim entries for the card's tests, built from the research dossier (claims 22/23 and 17) and parsed
// with the real schemas, so these tests break when the schema changes under the card.
import { ClaimSchema, IncidentSchema, SourceSchema, type Claim, type Incident, type Source } from '../../data/schema/index';

const sourceList: Source[] = [
  {
    id: 'bbc-healthadviserpro-amini-unfortunate',
    publisher: 'BBC News (via healthadviserpro.com)',
    title: "Mahsa Amini: Iran police say woman's death was 'unfortunate'",
    url: 'https://healthadviserpro.com/mahsa-amini-iran-police-say-womans-death-was-unfortunate/',
    date: '2022-09-19',
    dateNote: '2022-09-19/20',
    kind: 'news-report',
    mirror: true,
    interestedParty: false,
  },
  {
    id: 'afp-straitstimes-amini-illness',
    publisher: 'AFP (via The Straits Times)',
    title: "Iran probe finds Mahsa Amini died of illness, not 'blows'",
    url: 'https://www.straitstimes.com/world/middle-east/iran-probe-finds-mahsa-amini-died-of-illness-not-blows',
    date: '2022-10-07',
    kind: 'news-report',
    mirror: true,
    interestedParty: false,
  },
  {
    id: 'dw-nationalherald-ffm-amini',
    publisher: 'DW (via National Herald)',
    title: 'UN report: Iran to blame for violence behind Amini death',
    url: 'https://www.nationalheraldindia.com/international/un-report-iran-to-blame-for-violence-behind-amini-death',
    date: '2024-03-09',
    kind: 'news-report',
    mirror: true,
    interestedParty: false,
  },
  {
    id: 'jurist-ffm-amini-unlawful',
    publisher: 'JURIST',
    title: 'UN fact-finding mission concludes death of Mahsa Amini in Iranian custody unlawful',
    url: 'https://jurist.org/news/2024/03/un-fact-finding-mission-concludes-death-of-mahsa-amini-in-iranian-custody-unlawful',
    date: '2024-03',
    kind: 'news-report',
    mirror: false,
    interestedParty: false,
  },
  {
    id: 'voa-justice4iran-uk-denies-threat',
    publisher: 'VOA (via Justice for Iran)',
    title: 'Britain denies Iranian negotiator threatened talks over London tribunal',
    url: 'https://justice4iran.org/16150/',
    date: '2021-11',
    kind: 'news-report',
    mirror: true,
    interestedParty: false,
  },
  {
    id: 'iranintl-tribunal-diplomat-demanded',
    publisher: 'Iran International',
    title: 'Atrocities Tribunal Says Top Iran Diplomat Demanded UK Stop Its Work',
    url: 'https://www.iranintl.com/en/20211113721773',
    date: '2021-11-13',
    kind: 'news-report',
    mirror: false,
    interestedParty: false,
  },
  {
    id: 'justice4iran-tribunal-judgement',
    publisher: 'Justice for Iran',
    title: 'Iran Atrocities (Aban) Tribunal to deliver final judgement on 30 September',
    url: 'https://justice4iran.org/16449/',
    date: '2022-09-27',
    kind: 'advocacy',
    mirror: false,
    interestedParty: true,
    note: 'Published by one of the tribunal’s organisers.',
  },
];

export const sources: Record<string, Source> = Object.fromEntries(
  sourceList.map((s) => [s.id, SourceSchema.parse(s)]),
);

/** Corroborated, with a verbatim and a summarised statement, made before the findings were published. */
export const aminiClaim: Claim = ClaimSchema.parse({
  id: '2022-amini-died-of-underlying-disease',
  title: 'Officials say Mahsa Amini died of illness, not of blows',
  kind: 'denial',
  incident: '2022-death-of-mahsa-amini',
  statements: [
    {
      who: { name: 'Tehran police', role: 'Greater Tehran police command' },
      date: '2022-09-16',
      venue: 'Police statement carried by Iranian media',
      summary: 'Said she suffered sudden heart failure at the police station and that no one touched her.',
      quote: 'suffered sudden heart failure',
      status: 'as-summarised-by-source',
      attribution: 'as reported by the BBC',
      sources: ['bbc-healthadviserpro-amini-unfortunate'],
    },
    {
      who: { name: 'Legal Medicine Organization', role: "Iran's state forensic authority" },
      date: '2022-10-07',
      venue: 'Report aired on state television',
      summary: 'Said her death was caused by underlying illness, not by blows.',
      quote: "Mahsa Amini's death was not caused by blows to the head and vital organs and limbs of the body",
      quoteLang: 'en',
      status: 'verbatim',
      sources: ['afp-straitstimes-amini-illness'],
    },
  ],
  phrasings: [
    { text: 'not caused by blows to the head', lang: 'en' },
    { text: 'died due to underlying diseases', lang: 'en' },
    { text: 'surgery for a brain tumour at the age of eight', lang: 'en' },
  ],
  rebuttal: {
    en: 'A UN fact-finding mission found that she was subjected to physical violence in custody that led to her death.',
    fa: 'هیئت حقیقت‌یاب سازمان ملل دریافت که او در بازداشت مورد خشونت فیزیکی قرار گرفت و همین به مرگش انجامید.',
  },
  evidence: [
    { source: 'dw-nationalherald-ffm-amini', finding: 'The UN mission is satisfied that she was subjected to physical violence that led to her death.' },
    { source: 'jurist-ffm-amini-unlawful', finding: 'The mission concluded that her death was unlawful.' },
    { source: 'bbc-healthadviserpro-amini-unfortunate', finding: 'Her family denied any heart problem; eyewitnesses said she was beaten in the van.' },
  ],
  strength: 'corroborated',
  reviewed: '2026-11-20',
  examples: {
    match: ['The coroner said her death was not caused by blows to the head.', 'She died due to underlying diseases, officials said.'],
    noMatch: ['The mission found her death was caused by blows.', 'Doctors discussed underlying conditions in general.'],
  },
});

/** Single-source, "reportedly", with an interested-party source and no Persian rebuttal. */
export const tribunalClaim: Claim = ClaimSchema.parse({
  id: '2019-aban-tribunal-terrorists-theatrical-show',
  title: 'Iran says the Aban Tribunal is a show run by terrorists',
  kind: 'attack-on-investigators',
  incident: '2019-november-crackdown',
  statements: [
    {
      who: { name: 'Ali Bagheri Kani', role: 'Deputy Foreign Minister' },
      date: '2021-11-11',
      venue: 'Meetings at the UK Foreign Office, London',
      summary: 'Is reported to have told British officials that the UK let terrorists put Iran on trial.',
      quote: 'you have allowed terrorists to put us on trial here',
      status: 'reportedly',
      attribution: 'attributed to him by unnamed European sources in a tweet by the Aban Tribunal; denied by the UK',
      sources: ['iranintl-tribunal-diplomat-demanded'],
    },
  ],
  phrasings: [
    { text: 'allowed terrorists to put us on trial', lang: 'en' },
    { text: 'a theatrical show', lang: 'en', needsContext: true },
    { text: 'terrorists put Iran on trial', lang: 'en' },
  ],
  context: { cues: [{ text: 'tribunal', lang: 'en' }] },
  rebuttal: { en: 'The people’s tribunal heard about 250 witnesses; the UK said no threat was made.' },
  evidence: [
    { source: 'voa-justice4iran-uk-denies-threat', finding: 'The UK embassy said no threat was made to the UK.' },
    { source: 'justice4iran-tribunal-judgement', finding: 'The tribunal heard about 250 witnesses, 50 of them orally.' },
  ],
  strength: 'single-source',
  caveats: ['The remark is known only through unnamed European sources cited by the tribunal.'],
  reviewed: '2026-11-21',
  examples: {
    match: ['He said London allowed terrorists to put us on trial.', 'They claim terrorists put Iran on trial.'],
    noMatch: ['The tribunal heard witnesses.', 'A trial took place in London.'],
  },
});

export const aminiIncident: Incident = IncidentSchema.parse({
  id: '2022-death-of-mahsa-amini',
  title: 'Death in custody of Mahsa (Jina) Amini',
  dates: { start: '2022-09-13', end: '2022-09-16' },
  place: 'Tehran, Iran',
  summary: 'Mahsa (Jina) Amini, 22, died in custody of the morality police.',
  figures: [],
});
