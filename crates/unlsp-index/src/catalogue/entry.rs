//! One act of the catalogue as a lookup returns it, and how it was adopted.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActKind {
    Resolution,
    Decision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Organ {
    GA,
    SC,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: ActKind,
    pub organ: Organ,
    /// Normalised citation target: `61/100`, `56/24 V`, `1514 (XV)`, `217 A (III)`, `3201 (S-VI)`,
    /// `S-27/2`, `ES-10/19`, `60/519` (decision), `2231 (2015)`. An SC resolution whose year no
    /// source gives is the bare number (`2400`).
    pub number: String,
    /// `A/RES/61/100`, `A/RES/1514 (XV)`, `A/DEC/60/519`, `S/RES/2231 (2015)`.
    pub symbol: String,
    /// ISO adoption date `2006-12-06`.
    pub date: Option<String>,
    pub title: Option<String>,
    /// `recorded vote`, `recorded vote 120-5-10`, `without a vote`, `adopted unanimously`, ...
    pub vote: Option<String>,
    /// e.g. `texts`, `decisions`, `roll-calls`, `cr-unsc`, `year-bracketed`, `citations(12/12)`,
    /// `mentions(3)`.
    pub sources: Vec<String>,
    /// GA: `61`, `15` (for `(XV)`), `S-27`, `ES-10`, `S-6` (for `(S-VI)`); SC: the year or "".
    pub session: String,
    /// `YYYY-MM` when only the month of adoption is known (older roll calls), else `None`.
    pub month: Option<String>,
    /// Where the title comes from: `texts`, `decisions` (official), `citations` ("entitled ..."),
    /// `texts(heading)` (SC topic heading), `roll-calls` (a vote description, not an official
    /// title: show it as such), `records` (the Secretariat's records), `records(descriptor)` (an
    /// SC resolution's library descriptor: its subject, SC resolutions have no title),
    /// `records(agenda item)`.
    pub title_source: Option<String>,
    /// Where the date comes from: `records`, `texts` (the act's adoption line), `decisions`,
    /// `roll-calls`, `citations`.
    pub date_source: Option<String>,
    /// `56th (resumed) plenary meeting`, `4686th meeting` (the records).
    pub meeting: Option<String>,
    /// The draft or report adopted: `A/79/L.2`, `A/75/940, para. 6`, `S/2003/48` (the records).
    pub originating_document: Option<String>,
    /// `Third Committee`, `Without reference to a Main Committee` (the records).
    pub committee: Option<String>,
    /// Sponsors and additional sponsors named in the records.
    pub sponsors_count: Option<u32>,
}

/// How an act was adopted and, when known, the tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vote<'a> {
    /// `recorded vote`, `without a vote` or `adopted` (SC: `adopted`, possibly unanimously).
    pub kind: &'a str,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
}

impl<'a> Vote<'a> {
    /// Reads the catalogue's vote field: `recorded vote 187-2-3`, `without a vote`,
    /// `adopted unanimously 15-0-0`, `adopted 14-0-1`, `adopted by 13 votes to none, with 2
    /// abstentions`.
    pub fn parse(v: &'a str) -> Vote<'a> {
        let kind = if v.starts_with("recorded vote") {
            "recorded vote"
        } else if v.contains("without a vote") || v.contains("by consensus") {
            "without a vote"
        } else {
            "adopted"
        };
        let tally = v.rsplit(' ').next().and_then(|t| {
            let mut n = t.split('-').map(|x| x.parse::<u32>().ok());
            match (n.next(), n.next(), n.next(), n.next()) {
                (Some(Some(a)), Some(Some(b)), Some(Some(c)), None) => Some((a, b, c)),
                _ => None,
            }
        });
        Vote {
            kind,
            yes: tally.map(|t| t.0),
            no: tally.map(|t| t.1),
            abstain: tally.map(|t| t.2),
        }
    }
}

impl Entry {
    /// Year of adoption when known (from the date, the month or the SC number).
    pub fn year(&self) -> Option<u16> {
        if let Some(d) = self.date.as_deref().or(self.month.as_deref()) {
            return d.get(..4)?.parse().ok();
        }
        if self.organ == Organ::SC {
            return self.session.parse().ok();
        }
        None
    }

    /// `true` when the title is an official one (records, resolution text or decisions table).
    pub fn title_is_official(&self) -> bool {
        matches!(
            self.title_source.as_deref(),
            Some("records") | Some("texts") | Some("decisions")
        )
    }

    /// How the act was adopted, when a source says.
    pub fn vote(&self) -> Option<Vote<'_>> {
        self.vote.as_deref().map(Vote::parse)
    }

    /// `true` when the date comes from the Secretariat's records or the act's own text.
    pub fn date_is_authoritative(&self) -> bool {
        matches!(self.date_source.as_deref(), Some("records") | Some("texts"))
    }

    /// The `undocs.org` link for the symbol (`https://undocs.org/A/RES/1514(XV)`).
    pub fn undocs_url(&self) -> String {
        let sym: String = self.symbol.chars().filter(|c| !c.is_whitespace()).collect();
        format!("https://undocs.org/{sym}")
    }
}
