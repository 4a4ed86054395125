#!/usr/bin/env python3
"""Build the bundled catalogue of GA/SC resolutions and GA decisions.

Reads only ../shared/corpus (read-only) and writes:
  grammar/catalogue.tsv.gz   the data compiled into the binary (crates/unlsp-index/src/catalogue/)
  grammar/CATALOGUE.md       format description and coverage report (with the section on
                             grammar/titles.tsv.gz, built by scripts/build_titles.py)

Usage:  python3 scripts/build_catalogue.py [--corpus /work/shared/corpus]

Sources, in order of precedence for the adoption date:
  texts       the session 78-80 GA resolution texts (adoption line) and the SC texts
              1-1454 ("Adopted ... on 4 December 2002", "Resolution of 25 January 1946")
  decisions   mandate-pipeline IGov GA decisions 71-80 (meeting date)
  roll-calls  unvotes roll calls (GA recorded votes), only where the `unres` code really is
              a resolution number (sessions >= 18) and only for sessions whose day-of-month
              has been validated against the other sources (see DAY_RELIABLE)
  citations   "resolution 61/100 of 6 December 2006" inside every corpus text; the date most
              texts agree on wins, with the count kept: citations(agreeing/dated)
Nothing is guessed: a field no source gives stays empty.
"""
import argparse
import collections
import csv
import gzip
import io
import json
import os
import re
import sys

csv.field_size_limit(10**9)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']
MONTH_RE = '|'.join(MONTHS)
MNUM = {m: i + 1 for i, m in enumerate(MONTHS)}
ROMAN_VALS = [(50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]


def roman(n):
    out = ''
    for v, s in ROMAN_VALS:
        while n >= v:
            out += s
            n -= v
    return out


ROMAN_TO_INT = {roman(i): i for i in range(1, 80)}


def iso(d, m, y):
    d, y = int(d), int(y)
    mi = MNUM.get(m) if isinstance(m, str) else int(m)
    if not mi or not (1 <= d <= 31) or not (1945 <= y <= 2030):
        return None
    return '%04d-%02d-%02d' % (y, mi, d)


def norm_ws(s):
    return re.sub(r'\s+', ' ', s).strip()


# ---------------------------------------------------------------- the act table

class Act:
    __slots__ = ('kind', 'organ', 'number', 'session', 'symbol', 'dates', 'titles', 'vote',
                 'sources', 'cite_dates', 'mentions', 'cite_titles', 'year_hint', 'facts')

    def __init__(self, kind, organ, number, session, symbol):
        self.kind, self.organ, self.number, self.session, self.symbol = kind, organ, number, session, symbol
        self.dates = {}        # source -> iso date (authoritative sources)
        self.titles = []       # (priority, source, title)
        self.vote = None
        self.sources = set()
        self.cite_dates = collections.defaultdict(set)   # iso date -> set(text ids)
        self.mentions = set()                            # text ids mentioning the act
        self.cite_titles = collections.defaultdict(set)  # title -> set(text ids)
        self.year_hint = None
        self.facts = {}        # meeting, origin, committee, sponsors (the records only)


ACTS = {}
DISCARD = None  # set below: a sink Act that is never written out


def act(kind, organ, number, session, symbol):
    key = (kind, organ, number)
    a = ACTS.get(key)
    if a is None:
        a = ACTS[key] = Act(kind, organ, number, session, symbol)
    return a


def ga_res(session, num, part=None):
    """session: int (regular, post-1976 numbering), or 'S-27' / 'ES-10'."""
    if isinstance(session, int) and num >= 400:
        # GA decisions are numbered 401.. (elections 4xx, others 5xx); no session has 400
        # resolutions, so roll calls such as R/33/405 are votes on decisions
        return ga_dec(session, num, part)
    number = '%s/%s' % (session, num) + (' %s' % part if part else '')
    return act('R', 'GA', number, str(session), 'A/RES/' + number)


def ga_old(num, sess_roman, part=None):
    """Pre-1976 numbering: 1514 (XV), 217 A (III), 3201 (S-VI), 1004 (ES-II)."""
    number = '%s%s (%s)' % (num, ' ' + part if part else '', sess_roman)
    m = re.fullmatch(r'(ES-|S-)?([IVXL]+)', sess_roman)
    session = (m.group(1) or '') + str(ROMAN_TO_INT[m.group(2)])
    return act('R', 'GA', number, session, 'A/RES/' + number)


def ga_dec(session, num, part=None):
    if isinstance(session, int) and num < 401:
        return DISCARD  # not a GA decision number (another body's decision)
    number = '%s/%s' % (session, num) + (' %s' % part if part else '')
    return act('D', 'GA', number, str(session), 'A/DEC/' + number)


DISCARD = Act('D', 'GA', '', '', '')
SC_BY_NUM = {}


def sc_res(num, year=None):
    """SC acts are keyed by number; the year is attached once some source gives it."""
    num = int(num)
    a = SC_BY_NUM.get(num)
    if a is None:
        a = SC_BY_NUM[num] = Act('R', 'SC', str(num), None, None)
    if year is not None:
        a.year_hint = a.year_hint or collections.Counter()
        a.year_hint[int(year)] += 1
    return a


# ---------------------------------------------------------------- citations

# a citation list starts at "resolution(s)" / "decision(s)"
KW_RE = re.compile(r'\b([Rr]esolutions?|[Dd]ecisions?)\s+')
DATE_AFTER = re.compile(r',?\s*(?:adopted\s+)?(?:of|on)\s+(\d{1,2})\s+(%s)\s+((?:19|20)\d\d)' % MONTH_RE)
NUM_NEW = re.compile(r'((?:ES|S)-\d{1,2}|\d{2})/(\d{1,3})(?:\s([A-Z]))?(?![\w/])')
PART_ONLY = re.compile(r'([A-Z])(?![\w/])')
NUM_OLD = re.compile(r'(\d{1,4})(?:\s?([A-Z]{1,2}))?\s?\(\s?((?:ES-|S-)?[IVXL]{1,7})\s?\)')
NUM_SC = re.compile(r'(\d{1,4})\s?\(\s?((?:19[4-9]|20[0-3])\d)\s?\)')
SEP_RE = re.compile(r'\s*(?:,\s*and|,|and|as well as|&)\s+')
ENTITLED = re.compile(r',?\s*(?:of\s+\d{1,2}\s+(?:%s)\s+\d{4}\d{0,2},?\s*)?entitled\s+[“"]([^”"]{3,300})[”"]' % MONTH_RE)
# bodies whose resolutions/decisions are not GA/SC acts
OTHER_BODY = re.compile(
    r"(?:Council|Commission|Board|Conference|Committee|Assembly|Organization|Parties|Summit|Forum|"
    r"Court|Union|League|Meeting|Congress|Agency|Sub-Commission|Programme|Fund|Authority)"
    r"(?: (?:on|of|for|the|and|in|to|[A-Z][\w\-’']*))*(?:['’]s)?\s*$")
GA_BEFORE = re.compile(r'General Assembly\s*$')
SC_BEFORE = re.compile(r'Security Council\s*$')


def cite_scan(text, tid, doc_organ):
    """Collect citations from one text. doc_organ: 'GA' or 'SC' (the citing body)."""
    t = norm_ws(text)
    n = 0
    for m in KW_RE.finditer(t):
        kind = 'D' if m.group(1).lower().startswith('decision') else 'R'
        before = t[max(0, m.start() - 80):m.start()]
        if GA_BEFORE.search(before):
            qual = 'GA'
        elif SC_BEFORE.search(before):
            qual = 'SC'
        elif OTHER_BODY.search(before):
            continue
        else:
            qual = None  # "its resolution", "resolutions" ...
        pos = m.end()
        first = True
        last_new = None
        while True:
            if not first:
                s = SEP_RE.match(t, pos)
                if not s:
                    break
                pos = s.end()
            first = False
            a = None
            mo = NUM_OLD.match(t, pos)
            ms = NUM_SC.match(t, pos)
            mn = NUM_NEW.match(t, pos)
            if ms and kind == 'R' and qual != 'GA':
                if doc_organ == 'GA' and qual is None:
                    # "its resolution 2231 (2015)" cannot occur in a GA text; accept only
                    # "Security Council resolution"; plain lists keep the organ of the list head
                    pass
                a = sc_res(ms.group(1), ms.group(2))
                end = ms.end()
            elif mo and kind == 'R' and qual != 'SC':
                sess = mo.group(3)
                core = sess.split('-')[-1]
                if core not in ROMAN_TO_INT:
                    break
                s_int = ROMAN_TO_INT[core]
                if (sess.startswith('ES-') and s_int > 7) or (sess.startswith('S-') and s_int > 7) or \
                        (not sess.startswith(('S-', 'ES-')) and s_int > 30):
                    break
                a = ga_old(int(mo.group(1)), sess, mo.group(2))
                end = mo.end()
            elif mn and qual != 'SC':
                sess, num = mn.group(1), int(mn.group(2))
                if sess.isdigit():
                    si = int(sess)
                    if not (31 <= si <= 80):
                        break
                    sess = si
                a = (ga_dec if kind == 'D' else ga_res)(sess, num, mn.group(3))
                last_new = (kind, sess, num) if mn.group(3) else None
                end = mn.end()
            elif last_new and PART_ONLY.match(t, pos):
                # "resolutions 49/1 A and B"
                k, sess, num = last_new
                a = (ga_dec if k == 'D' else ga_res)(sess, num, PART_ONLY.match(t, pos).group(1))
                end = PART_ONLY.match(t, pos).end()
            else:
                break
            a.mentions.add(tid)
            n += 1
            d = DATE_AFTER.match(t, end)
            if d:
                dt = iso(d.group(1), d.group(2), d.group(3))
                if dt:
                    a.cite_dates[dt].add(tid)
                pos = d.end()
                # footnote marker glued to the year: "2006,1" / "20061"
                fm = re.match(r'\d{1,2}(?!\d)', t[pos:pos + 3])
                if fm and t[pos - 4:pos].isdigit() and pos < len(t) and t[pos].isdigit():
                    pos += fm.end()
            else:
                pos = end
            e = ENTITLED.match(t, pos)
            if e:
                a.cite_titles[norm_ws(e.group(1)).rstrip(',;.')].add(tid)
    return n


# ---------------------------------------------------------------- sources

# ---------------------------------------------------------------- the Secretariat's records

RECORD_DATE = re.compile(r'(\d{1,2})\s*(%s)\s*(\d{4})' % MONTH_RE)
RECORD_ISO = re.compile(r'(\d{4})-(\d\d)-(\d\d)')
SC_VOTE = re.compile(r'Adopted\s*\(?\s*(\d+)-(\d+)-(\d+)')
COMMITTEES = {'#fifthCommittee': 'Fifth Committee'}


def record_date(raw):
    """`29\xa0October 2025`, `2024-01-30 00:00:00`, `19 November 2004 in Nairobi`."""
    raw = (raw or '').replace('\xa0', ' ')
    m = RECORD_DATE.search(raw)
    if m:
        return iso(*m.groups())
    m = RECORD_ISO.match(raw.strip())
    return iso(m.group(3), int(m.group(2)), m.group(1)) if m else None


def count(v):
    try:
        return int(str(v).strip() or 0)
    except ValueError:
        return 0


def record_vote(r, organ):
    """`recorded vote 187-2-3`, `without a vote`, `adopted unanimously 15-0-0`, `adopted 14-0-1`."""
    t = norm_ws(r.get('adoption_type') or '')
    yes, no, ab = (count(r.get('MS_in_favour_count')), count(r.get('MS_against_count')),
                   count(r.get('MS_abstaining_count')))
    if organ == 'GA':
        vt = r.get('voting_type') or ''
        if t == 'By a recorded vote' or vt == 'adoptedRecordedVote':
            return 'recorded vote %d-%d-%d' % (yes, no, ab) if yes else 'recorded vote'
        if t == 'Without a vote' or vt == 'adoptedWithoutVote':
            return 'without a vote'
        return None
    m = SC_VOTE.match(t)
    if m:
        return 'adopted %d-%d-%d' % tuple(int(x) for x in m.groups())
    low = t.lower()
    if low.startswith('adopted unanim'):
        return 'adopted unanimously %d-0-0' % yes if yes else 'adopted unanimously'
    if 'acclamation' in low:
        return 'adopted by acclamation'
    if 'without vote' in low:
        return 'adopted without a vote'
    if yes:
        return 'adopted %d-%d-%d' % (yes, no, ab)
    return 'adopted' if low.startswith('adopted') else None


def descriptor_subject(r):
    """An SC resolution has no title: the library descriptor's subject in brackets
    (`Security Council resolution 1484 (2003) [on authorization of ...]`), else the agenda item."""
    rt = norm_ws(r.get('resolution_title') or '')
    m = re.search(r'\[([^\[\]]+)\]?', rt)
    if m and len(m.group(1)) > 3:
        subj = m.group(1).strip()
        return re.sub(r'^on ', '', subj), 'records(descriptor)'
    agenda = norm_ws(r.get('agenda_item_name') or '').rstrip('.')
    if agenda:
        return agenda, 'records(agenda item)'
    for subj in r.get('subjects') or []:
        if subj and subj[0]:
            return norm_ws(subj[0]), 'records(subject)'
    return None, None


def merge_records(rows):
    """Symbols given two or three times (different votes or sponsors): one record, the
    non-empty value of each field, the union of sponsors."""
    out, merged = {}, 0
    for r in rows:
        sym = norm_ws(r.get('symbol') or '')
        if sym not in out:
            out[sym] = dict(r)
            continue
        merged += 1
        kept = out[sym]
        for k, v in r.items():
            if k in ('sponsors', 'additional_sponsors'):
                kept[k] = list(dict.fromkeys(list(kept.get(k) or []) + list(v or [])))
            elif k.endswith('_count'):
                if count(v) > count(kept.get(k)):
                    kept[k] = v
            elif v and not kept.get(k):
                kept[k] = v
    return out, merged


def record_acts(sym):
    """The acts a record symbol names: `A/RES/79/263`, `A/RES/75/101 A-B` (the whole and each
    part), `A/RES/ES-10/24`, `S/RES/1683(2006)`."""
    m = re.fullmatch(r'A/RES/((?:ES|S)-\d+|\d+)/(\d+)(?:\s+([A-Z])(?:-([A-Z]))?)?', sym)
    if m:
        sess = int(m.group(1)) if m.group(1).isdigit() else m.group(1)
        whole = ga_res(sess, int(m.group(2)))
        parts = []
        if m.group(3):
            last = m.group(4) or m.group(3)
            parts = [ga_res(sess, int(m.group(2)), chr(c)) for c in range(ord(m.group(3)), ord(last) + 1)]
            if not m.group(4):
                return [parts[0]], []
        return [whole], parts
    m = re.fullmatch(r'S/RES/(\d+)\s*\((\d{4})\)', sym)
    if m:
        a = sc_res(int(m.group(1)))
        a.year_hint = collections.Counter({int(m.group(2)): 1000})
        return [a], []
    return [], []


def load_records(corpus):
    """`catalog/akn-data-extract/*.json`: one JSON object a line; GA and SC fields differ."""
    stats = collections.Counter()
    folder = os.path.join(corpus, 'catalog', 'akn-data-extract')
    coverage = {}
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith('.json'):
            continue
        rows = []
        with open(os.path.join(folder, fn), encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    rows.append(json.loads(line))
        recs, merged = merge_records(rows)
        stats['records_rows'] += len(rows)
        stats['records_merged'] += merged
        if merged:
            print('%s: %d duplicate rows merged' % (fn, merged))
        known = []
        for sym, r in recs.items():
            organ = 'SC' if sym.startswith('S/') else 'GA'
            wholes, parts = record_acts(sym)
            if not wholes:
                stats['records_bad_symbol'] += 1
                continue
            date = record_date(r.get('adoption_date'))
            if organ == 'GA':
                title, tsrc = norm_ws(r.get('title') or ''), 'records'
                title = re.sub(r'^\s*[\w-]+/\d+\s*[A-Z]?\s*\.\s*', '', title) or None
            else:
                title, tsrc = descriptor_subject(r)
            vote = record_vote(r, organ)
            sponsors = [x for x in list(r.get('sponsors') or []) + list(r.get('additional_sponsors') or [])
                        if x and not x.lower().startswith('submitted by')]
            origin = norm_ws(r.get('originating_document') or r.get('draft_resolution') or '')
            committee = norm_ws(COMMITTEES.get(r.get('committee') or '', r.get('committee') or ''))
            facts = dict(meeting=norm_ws(r.get('adoption_meeting') or ''), origin=origin,
                         committee=committee, sponsors=str(len(sponsors)) if sponsors else '')
            for a in wholes + parts:
                a.sources.add('records')
                if date:
                    a.dates['records'] = date
                if title:
                    a.titles.append((-1, tsrc, title))
                a.facts = dict(facts)
            for a in wholes:
                if vote:
                    a.vote = vote
            stats['records_acts'] += len(wholes)
            known.append((wholes[0], bool(date), bool(title)))
        coverage[fn[:-5]] = known
    return stats, coverage


def load_texts(corpus):
    """Session 78-80 GA resolution texts and SC texts 1-1454."""
    tdir = os.path.join(corpus, 'texts', 'en')
    idx = {}
    with open(os.path.join(corpus, 'catalog', 'mandate-pipeline_extracted_index.csv'), newline='') as f:
        for r in csv.DictReader(f):
            idx[r['file'].split('/')[-1]] = r
    stats = collections.Counter()
    adopt_re = re.compile(r'Resolution adopted by the General Assembly\s+on\s+(\d{1,2})\s+(%s)\s+(\d{4})' % MONTH_RE)
    for fn in sorted(os.listdir(tdir)):
        path = os.path.join(tdir, fn)
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        m = re.fullmatch(r'A_RES_(\d+)_(\d+)\.txt', fn)
        if m:
            a = ga_res(int(m.group(1)), int(m.group(2)))
            a.sources.add('texts')
            stats['ga_texts'] += 1
            d = adopt_re.search(norm_ws(text))
            if d:
                a.dates['texts'] = iso(*d.groups())
                stats['ga_texts_dated'] += 1
            r = idx.get(fn)
            if r and r['title']:
                title = re.sub(r'^\s*\d+/\d+\s*\.\s*', '', r['title']).strip()
                if title:
                    a.titles.append((0, 'texts', title))
            cite_scan(text, fn, 'GA')
            continue
        m = re.fullmatch(r'S_RES_(\d+)_(\d{4})\.txt', fn)
        if m:
            num, year = int(m.group(1)), int(m.group(2))
            a = sc_res(num)
            a.year_hint = collections.Counter({year: 1000})  # the file name is authoritative
            a.sources.add('texts')
            stats['sc_texts'] += 1
            head = norm_ws(text[:1500])
            d = (re.search(r'Adopted by the Security Council at its [\w ]+? meeting,?\s+(?:held\s+)?on\s+(\d{1,2})\s+(%s)\s+(\d{4})' % MONTH_RE, head)
                 or re.search(r'\(%d\)\.?\s*(?:Resolution\s+)?of\s+(\d{1,2})\s+(%s)\s+(\d{4})' % (year, MONTH_RE), head))
            if not d or int(d.group(3)) != year:
                # OCR variants ("Adopted by the Security at its ...", "Of 19 February", a bare date line):
                # the first date of the file's year right after the "Resolution N (YYYY)" header
                h = re.search(r'%d \(%d\)' % (num, year), head)
                if h:
                    d = re.search(r'\b(\d{1,2})\s+(%s)\s+(%d)\b' % (MONTH_RE, year), head[h.end():h.end() + 160])
            if d and int(d.group(3)) == year:
                a.dates['texts'] = iso(*d.groups())
                stats['sc_texts_dated'] += 1
            # vote: "Adopted unanimously at the ...", "Adopted by 10 votes to none, with 1 abstention"
            tail = norm_ws(text)
            v = re.search(r'Adopted (?:at the \d+\w* meeting )?(unanimously|without (?:a )?vote|by consensus|'
                          r'by (?:\d+|[a-z]+) votes? to (?:\d+|none|[a-z]+)(?:,? with (?:\d+|[a-z]+) abstentions?)?'
                          r'(?: \([^)]{0,120}\))?)', tail)
            if v:
                a.vote = 'adopted ' + v.group(1)
            else:
                fv = re.search(r'\d+ Adopted (unanimously|without (?:a )?vote)', tail)
                if fv:
                    a.vote = 'adopted ' + fv.group(1)
            if a.vote:
                stats['sc_texts_vote'] += 1
            # early compilation style: a topic heading in capitals on the first line
            first = text.strip().split('\n', 1)[0].strip()
            if first and first == first.upper() and re.search(r'[A-Z]{3}', first) and \
                    not re.match(r'(RESOLUTION|UNITED NATIONS)\b', first):
                a.titles.append((5, 'texts(heading)', norm_ws(first)))
            cite_scan(text, fn, 'SC')
            continue
        # drafts and the Charter: citations only
        if fn.startswith('A_'):
            cite_scan(text, fn, 'GA')
    return stats


def load_decisions(corpus):
    stats = collections.Counter()
    path = os.path.join(corpus, 'catalog', 'mandate-pipeline_igov_ga_decisions_71-80.csv')
    with open(path, newline='') as f:
        for r in csv.DictReader(f):
            raw = norm_ws(r['decision']).rstrip('.').strip()
            m = re.fullmatch(r'(\d+)/(\d+)(?:\s+(.*))?', raw)
            if not m:
                stats['bad'] += 1
                continue
            sess, num, parts = int(m.group(1)), int(m.group(2)), m.group(3)
            dates = [d.strip() for d in r['meeting_date'].split(';') if d.strip()]
            a = ga_dec(sess, num)
            a.sources.add('decisions')
            stats['decisions'] += 1
            title = norm_ws(r['title'])
            if title:
                a.titles.append((0, 'decisions', title))
            uniq = sorted(set(dates))
            if len(uniq) == 1 and re.fullmatch(r'\d{4}-\d\d-\d\d', uniq[0]):
                a.dates['decisions'] = uniq[0]
                stats['decisions_dated'] += 1
            txt = r['decision_text']
            a.vote = a.vote or vote_from_text(txt)
            letters = []
            if parts:
                pm = re.fullmatch(r'([A-Z])\s*-\s*([A-Z])', parts)
                letters = [chr(c) for c in range(ord(pm.group(1)), ord(pm.group(2)) + 1)] if pm else \
                    re.findall(r'\b([A-Z])\b', parts)
            if letters:
                stats['decisions_with_parts'] += 1
                for i, L in enumerate(letters):
                    p = ga_dec(sess, num, L)
                    p.sources.add('decisions')
                    if title:
                        p.titles.append((0, 'decisions', title))
                    # the meeting_date list is not aligned with the parts (order varies), so a
                    # part gets a table date only when the decision has a single date
                    if len(uniq) == 1 and re.fullmatch(r'\d{4}-\d\d-\d\d', uniq[0]):
                        p.dates['decisions'] = uniq[0]
            cite_scan(txt, 'dec:' + raw, 'GA')
    return stats


def vote_from_text(txt):
    t = norm_ws(txt)
    m = re.search(r'by a recorded vote of (\d+) to (\d+),? with (\d+) abstentions?', t)
    if m:
        return 'recorded vote %s-%s-%s' % m.groups()
    m = re.search(r'by a recorded vote of (\d+) to (\d+)', t)
    if m:
        return 'recorded vote %s-%s-0' % m.groups()
    if re.search(r'\bwithout a vote\b', t):
        return 'without a vote'
    return None


# Sessions whose roll-call dates carry a real day of month (checked against the other
# sources by `validate_rollcall_days`; before session 52 the day is a week-of-month code).
DAY_RELIABLE_FROM = None


def load_rollcalls(corpus):
    """unvotes: `unres` is a GAOR page reference before session 18 and a resolution number after."""
    stats = collections.Counter()
    rows = []
    with open(os.path.join(corpus, 'catalog', 'unvotes_un_roll_calls.csv'), newline='') as f:
        for r in csv.DictReader(f):
            rows.append(r)
    out = []
    for r in rows:
        sess = int(r['session'])
        u = r['unres'].strip()
        m = re.fullmatch(r'(?:R|A/RES)/(\d+)/(\d+)([A-Z])?(?:/([IVXL]+))?', u)
        me = re.fullmatch(r'A/RES/(ES|S)-(\d+)/(\d+)', u)
        if me:
            out.append((r, ('%s-%s' % (me.group(1), me.group(2)), int(me.group(3)), None, None)))
            continue
        if not m or int(m.group(1)) != sess or sess < 18:
            stats['rollcall_unusable'] += 1
            continue
        out.append((r, (sess, int(m.group(2)), m.group(3), m.group(4))))
    return rows, out, stats


def rollcall_act(key):
    sess, num, part, section = key
    if isinstance(sess, str):
        return ga_res(sess, num)
    if sess <= 30:
        # the roll call's session gives the regular session; the number alone might belong to a
        # special session held that year, so attach only if the number range is consistent
        return ga_old(num, roman(sess), part)
    return ga_res(sess, num, part)


def whole_vote(r):
    return r['amend'] in ('', '0') and r['para'] in ('', '0')


# ---------------------------------------------------------------- assembly

def in_session_years(a, date):
    """The date falls in one of the two years session N touches (1945 + N, 1946 + N): a
    citation dated further off names another body's act (Human Rights Council 56/1 of
    2024, ESCAP 72/7 of 2016), not a misdated GA resolution."""
    if a.organ != 'GA' or not a.session.isdigit():
        return True
    n = int(a.session)
    return 1945 + n <= int(date[:4]) <= 1946 + n


def plausible(a, date):
    """A date is possible for an act only inside its session (GA) or year (SC).

    Regular session N opens in September of 1945 + N and ends before the next one opens
    in September of 1946 + N (the first ran from January 1946). Real texts do cite a
    date outside it: `resolution 55/56 of 1 December 2001` (A/RES/78/270, 79/275; 55/56
    is of 1 December 2000), `73/287 of 15 April 2018` (A/RES/78/276)."""
    if a.organ == 'SC':
        return True  # checked against the year once the year is fixed
    sess = a.session
    if sess.isdigit():
        n = int(sess)
        first = '1946-01-01' if n == 1 else '%d-09-01' % (1945 + n)
        return first <= date[:10] <= '%d-09-30' % (1946 + n)
    return True  # special / emergency special sessions: no fixed calendar


def consensus(a):
    """(date, agreeing texts, texts giving a possible date, texts giving an impossible date)"""
    good = {d: ids for d, ids in a.cite_dates.items() if plausible(a, d)}
    bad = set().union(*[ids for d, ids in a.cite_dates.items() if d not in good]) if len(good) < len(a.cite_dates) else set()
    if not good:
        return None, 0, 0, len(bad)
    dated = set().union(*good.values())
    best = sorted(good.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0]
    return best[0], len(best[1]), len(dated), len(bad)


RECORDS_COVERAGE = {}


def resolve(args):
    stats = collections.Counter()
    rstats, cov = load_records(args.corpus)
    RECORDS_COVERAGE.update(cov)
    stats.update(rstats)
    stats.update(load_texts(args.corpus))
    stats.update(load_decisions(args.corpus))
    rows, rc, rstats = load_rollcalls(args.corpus)
    stats.update(rstats)

    # Validate roll-call days per session against texts/decisions/citations: before session 58
    # the day of month is not the adoption day (the month is right).
    per_sess = collections.defaultdict(lambda: [0, 0, 0, 0])  # same day, same month, other, n
    for r, key in rc:
        if not whole_vote(r):
            continue
        a = rollcall_act(key)
        ref = a.dates.get('texts') or a.dates.get('decisions') or consensus(a)[0]
        if not ref:
            continue
        v = per_sess[key[0]]
        v[3] += 1
        if ref == r['date']:
            v[0] += 1
        elif ref[:7] == r['date'][:7]:
            v[1] += 1
        else:
            v[2] += 1
    reliable = set()
    for sess, (same, samemonth, other, n) in per_sess.items():
        if isinstance(sess, int) and n >= 3 and same / n >= 0.8:
            reliable.add(sess)
    first_reliable = min(reliable) if reliable else 999
    for r, key in rc:
        if isinstance(key[0], int) and key[0] >= first_reliable:
            reliable.add(key[0])
    stats['rollcall_validation'] = dict(per_sess)
    stats['rollcall_reliable_from'] = first_reliable

    for r, key in rc:
        a = rollcall_act(key)
        a.sources.add('roll-calls')
        stats['rollcall_rows_used'] += 1
        if whole_vote(r):
            a.vote = a.vote or 'recorded vote'
            if int(r['session']) in reliable:
                a.dates.setdefault('roll-calls', r['date'])
            else:
                a.dates.setdefault('roll-calls-month', r['date'][:7])
        desc = norm_ws((r['descr'] or r['short']).replace('\\', ' ').replace('"', ' '))
        desc = re.sub(r'^A/RES/\S+,\s*', '', desc)
        if desc and key[3] is None:
            pri = 8 if desc == desc.upper() else 7
            a.titles.append((pri, 'roll-calls', desc))

    with open(os.path.join(args.corpus, 'catalog', 'cr-unsc_UNSC_Record-Table_2722.csv'), newline='') as f:
        for r in csv.DictReader(f):
            sc_res(int(r['res_no'])).sources.add('cr-unsc')
            stats['sc_table'] += 1
    return stats, reliable


def fix_sc_years(stats):
    # evidence per number: file name / adoption line (weight 1000), citations "N (YYYY)"
    ev = {}
    for num, a in SC_BY_NUM.items():
        if a.dates.get('records') or a.dates.get('texts'):
            ev[num] = (int((a.dates.get('records') or a.dates['texts'])[:4]), 10**6)
        elif a.year_hint:
            (y, w), = a.year_hint.most_common(1)
            ev[num] = (y, w)
    # numbers are chronological: drop the weaker side of every inversion
    dropped = 0
    while True:
        nums = sorted(ev)
        worst = None
        for i in range(len(nums) - 1):
            lo, hi = nums[i], nums[i + 1]
            if ev[lo][0] > ev[hi][0]:
                victim = lo if ev[lo][1] < ev[hi][1] else hi
                worst = victim
                break
        if worst is None:
            break
        del ev[worst]
        dropped += 1
    stats['sc_year_inversions_dropped'] = dropped
    known = {n: y for n, (y, w) in ev.items()}
    nums = sorted(known)
    bracketed = 0
    for i in range(len(nums) - 1):
        lo, hi = nums[i], nums[i + 1]
        if known[lo] == known[hi]:
            for n in range(lo + 1, hi):
                if n in SC_BY_NUM and n not in known:
                    SC_BY_NUM[n].sources.add('year-bracketed')
                    known[n] = known[lo]
                    bracketed += 1
    stats['sc_year_bracketed'] = bracketed
    for num, a in SC_BY_NUM.items():
        year = known.get(num)
        a.number = '%d (%d)' % (num, year) if year else str(num)
        a.symbol = 'S/RES/' + a.number
        a.session = str(year) if year else ''
        ACTS[('R', 'SC', a.number)] = a


def finalize(stats):
    fix_sc_years(stats)
    out = []
    for key, a in list(ACTS.items()):
        c_date, agree, dated, bad = consensus(a)
        if a.organ == 'SC' and a.session:
            good = {d: ids for d, ids in a.cite_dates.items() if d[:4] == a.session}
            bad += len(set().union(*a.cite_dates.values())) - len(set().union(*good.values())) if good else \
                (len(set().union(*a.cite_dates.values())) if a.cite_dates else 0)
            if good:
                dated_set = set().union(*good.values())
                best = sorted(good.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0]
                c_date, agree, dated = best[0], len(best[1]), len(dated_set)
            else:
                c_date, agree, dated = None, 0, 0
        stats['citation_dates_impossible'] += bad
        srcs = set(a.sources)
        if not srcs and bad and not dated and not any(in_session_years(a, d) for d in a.cite_dates):
            # known only from citations whose every date is impossible for the number: the
            # citation is another body's act (Human Rights Council 56/1, ESCAP 72/7 ...)
            stats['dropped_foreign_citations'] += 1
            continue
        date, month, dsrc = None, None, None
        if a.dates.get('records') and a.dates.get('texts') and a.dates['records'] != a.dates['texts']:
            stats['records_text_date_differ'] += 1
        for s in ('records', 'texts', 'decisions', 'roll-calls'):
            if a.dates.get(s) and not date:
                if s == 'roll-calls' and not plausible(a, a.dates[s]):
                    # a roll call keyed to the wrong number: 59/307 (of 22 June 2005,
                    # A/RES/78/305) on a vote of 8 December 2005, in session 60
                    stats['rollcall_dates_outside_session'] += 1
                    continue
                date, dsrc = a.dates[s], s
        # A source date that no dated citation gives yields to a strong citation
        # consensus: S/RES/687 (1991) reads 2 March 1991 (resolution 686's date, from the
        # OCR compilation) where fourteen citing texts agree on 3 April 1991.
        if (date and dsrc != 'records' and c_date and c_date != date and dated >= 3
                and not a.cite_dates.get(date) and agree * 4 >= dated * 3):
            stats['source_date_overruled_by_citations'] += 1
            date, dsrc = c_date, 'citations'
        if date is None and c_date:
            date, dsrc = c_date, 'citations'
            srcs.add('citations(%d/%d)' % (agree, dated))
        elif dated:
            srcs.add('citations(%d/%d)' % (len(a.cite_dates.get(date, ())), dated))
        elif bad:
            # cited, but only with dates outside the session: no date
            srcs.add('citations(0/%d)' % bad)
        if date is None and a.dates.get('roll-calls-month'):
            month = a.dates['roll-calls-month']
        if a.mentions and not dated:
            srcs.add('mentions(%d)' % len(a.mentions))
        titles = list(a.titles)
        if a.cite_titles:
            t, ids = sorted(a.cite_titles.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0]
            titles.append((3, 'citations', t))
        title, tsrc = None, None
        if titles:
            titles.sort(key=lambda x: x[0])
            _, tsrc, title = titles[0]
        out.append(dict(a=a, date=date, dsrc=dsrc, month=month, title=title, tsrc=tsrc, sources=sorted(srcs)))
    return out


def nat(s):
    return [(0, int(x), '') if x.isdigit() else (1, 0, x) for x in re.split(r'(\d+)', s) if x]


def sort_key(e):
    a = e['a']
    return (a.organ, a.kind, nat(a.session or ''), nat(a.number))


def clean(s):
    return norm_ws((s or '').replace('\t', ' '))


COLUMNS = ['kind', 'organ', 'session', 'number', 'symbol', 'date', 'month', 'title', 'title_source',
           'vote', 'sources', 'date_source', 'meeting', 'origin', 'committee', 'sponsors']


def write_tsv(entries, path):
    buf = io.StringIO()
    buf.write('#unlsp-catalogue 2\t' + '\t'.join(COLUMNS) + '\n')
    for e in sorted(entries, key=sort_key):
        a = e['a']
        buf.write('\t'.join(['', a.kind, a.organ, a.session or '', a.number, a.symbol, e['date'] or '',
                             e['month'] or '', clean(e['title']), e['tsrc'] or '', clean(a.vote),
                             ','.join(e['sources']), e['dsrc'] or '', clean(a.facts.get('meeting')),
                             clean(a.facts.get('origin')), clean(a.facts.get('committee')),
                             a.facts.get('sponsors') or ''])[1:] + '\n')
    data = buf.getvalue().encode('utf-8')
    raw = io.BytesIO()
    with gzip.GzipFile(filename='', mode='wb', fileobj=raw, compresslevel=9, mtime=0) as g:
        g.write(data)
    with open(path, 'wb') as f:
        f.write(raw.getvalue())
    return len(data), len(raw.getvalue())


# ---------------------------------------------------------------- report

def session_label(a):
    return a.session or '?'


def records_coverage(entries):
    by_act = {id(e['a']): e for e in entries}
    for name, known in sorted(RECORDS_COVERAGE.items(), key=lambda kv: (kv[0][:2], nat(kv[0]))):
        es = [by_act.get(id(a)) for a, _, _ in known]
        yield (name, len(known), sum(bool(e and e['date']) for e in es),
               sum(bool(e and e['title']) for e in es))


# the second table (grammar/titles.tsv.gz, scripts/build_titles.py), described here
TITLES_SECTION = '''
## Titles in the other languages

`grammar/titles.tsv.gz`, generated by `python3 scripts/build_titles.py` (deterministic: gzip level 9, mtime 0) from `../shared/corpus/akn/ga/<lang>/A_RES_79_*` and `A_RES_80_*`: the title each language's AKN file gives in `<docTitle refersTo="#resolutionTitle">` (the plain `<docTitle>` is the line "Résolution adoptée par l’Assemblée générale le …"), with the separator of `79/84. Title` left in front of some Arabic titles (`– …`, `97/85 - …` with the number read backwards) removed. English is not repeated: the catalogue holds it.

Format: header `#unlsp-titles 1`, then `number \t lang \t title` (lang `ar`, `es`, `fr`, `ru`, `zh`), sorted by number then language. A resolution in parts (`79/245 B`, `80/236 A-B`) is keyed by its bare number; when the parts have different titles both rows are kept and a quoted title matching either is right.

Size: 2795 titles (ar 559, es 559, fr 558, ru 559, zh 560; one es and one ru file carry no title), TSV 313903 bytes, gzip **99881 bytes** (embedded with `include_bytes!`: the binary size impact). `crates/unlsp-index/src/titles.rs` gunzips and parses it only on the first call to `titles()` (UN056 in a non-English document): one string and a sorted row array; `Titles::get(number, lang)` is a binary search.

Used by UN056 `title-mismatch` in French (`intitulée « … »`), Spanish (`titulada “…”`), Russian (`под названием «…»`, `озаглавленн… «…»`), Arabic (`المعنون ”…“`) and Chinese (`题为“…”的第N/M号决议`, the title before the number): sessions 79 and 80 only, the tolerance of the English check (case, quotation marks, dashes, spaces), never a document against its own title.
'''


def write_report(path, entries, stats, raw, gz):
    ga_r = [e for e in entries if e['a'].organ == 'GA' and e['a'].kind == 'R']
    ga_d = [e for e in entries if e['a'].organ == 'GA' and e['a'].kind == 'D']
    sc = [e for e in entries if e['a'].organ == 'SC']
    src_count = collections.Counter()
    for e in entries:
        for s in e['sources']:
            src_count[re.sub(r'\(.*', '', s)] += 1
    by_sess = collections.defaultdict(lambda: collections.Counter())
    for e in ga_r + ga_d:
        a = e['a']
        c = by_sess[(a.kind, a.session)]
        c['n'] += 1
        c['date'] += bool(e['date'])
        c['month'] += bool(e['month'])
        c['title'] += bool(e['title'])
        c['title_official'] += e['tsrc'] in ('texts', 'decisions')
        c['date_cit'] += bool(e['date']) and not any(s in e['sources'] for s in ('texts', 'decisions')) and \
            not (a.dates.get('roll-calls'))
    L = []
    w = L.append
    w('# Bundled catalogue of GA and SC resolutions and GA decisions\n')
    w('Generated by `python3 scripts/build_catalogue.py` from `../shared/corpus/` (read-only). '
      'Do not edit `catalogue.tsv.gz` by hand; rerun the script (output is deterministic).\n')
    w('## Format\n')
    w('`grammar/catalogue.tsv.gz`: gzip (deflate, level 9, mtime 0) of a UTF-8 TSV. First line is a header '
      'starting with `#unlsp-catalogue 1`; then one act per line, sorted by organ, kind, session, number. '
      'Columns (empty = not known, never guessed):\n')
    w('| column | meaning |\n|---|---|')
    w('| kind | `R` resolution, `D` decision |')
    w('| organ | `GA` or `SC` |')
    w('| session | GA: `61`, `15` (for `(XV)`), `S-27`, `ES-10` (`S-6` for `(S-VI)`); SC: the year, empty if unknown |')
    w('| number | normalised citation target: `61/100`, `56/24 V`, `1514 (XV)`, `217 A (III)`, `3201 (S-VI)`, `S-27/2`, `ES-10/19`, `60/519` (decision), `2231 (2015)`; an SC resolution whose year no source gives is the bare number `2400` |')
    w('| symbol | `A/RES/61/100`, `A/RES/1514 (XV)`, `A/DEC/60/519`, `S/RES/2231 (2015)` |')
    w('| date | ISO adoption date |')
    w('| month | `YYYY-MM` when only the month is known (roll calls before session 58: the month is right, the day is not), otherwise empty |')
    w('| title | title; see title_source |')
    w('| title_source | `texts` (official title from the resolution text), `decisions` (IGov title), `citations` (“entitled ...” in a citing text, most common form), `texts(heading)` (SC compilation topic heading, capitals), `roll-calls` (vote description of the recorded vote, **not an official title**: last resort) |')
    w('| vote | `recorded vote` (GA roll call on the whole text; the roll-call data carry no tallies), `recorded vote 120-5-10` / `without a vote` (decision texts), `adopted unanimously`, `adopted by 13 votes to none, with 2 abstentions (...)` (SC texts) |')
    w('| sources | comma list: `texts`, `decisions`, `roll-calls`, `cr-unsc` (SC record table), `year-bracketed` (SC year deduced: the number lies between two numbers of that same year and SC numbers are chronological), `citations(a/b)` (b citing texts give a possible date, a of them give the catalogue date), `mentions(n)` (cited in n texts, never with a date) |')
    w('')
    w('## Precedence of dates\n')
    w('1. adoption line of the resolution text (A/RES 78-80, S/RES 1-1454);\n2. IGov decision meeting date (single-date decisions only: for `A and B` decisions the date list is not aligned with the parts);\n'
      '3. roll calls, only from session %s on: comparing roll-call dates with the other sources shows that before it the day of month is not the adoption day (month right, day wrong in every check), so earlier sessions only give `month`;\n'
      '4. citations: the date most citing texts agree on. A citation date outside the session of the number (GA `N/x` must fall in years 1945+N .. 1946+N; SC in its year) is impossible and ignored; an act known only from such citations is dropped (it is another body\'s act: Human Rights Council, ESCAP, ...).\n'
      % stats['rollcall_reliable_from'])
    w('The roll-call `unres` code is a resolution number only from session 18 on; before that it is a GAOR page reference (e.g. `R/15/1273D` is the vote on 1514 (XV)), so rows of sessions 1-17 and `SS/`/`ESS/` rows are not used (%d rows).\n' % stats['rollcall_unusable'])
    w('## Size\n')
    w('- entries: **%d** (GA resolutions %d, GA decisions %d, SC resolutions %d)' % (len(entries), len(ga_r), len(ga_d), len(sc)))
    w('- TSV %d bytes, gzip **%d bytes** (%.0f KiB): this is the binary size impact (embedded with `include_bytes!`). '
      'Parsed in memory it is a few MB, only after the first lookup.\n' % (raw, gz, gz / 1024))
    w('## Counts per source\n')
    w('| source | entries |\n|---|---|')
    for k, v in sorted(src_count.items(), key=lambda kv: -kv[1]):
        w('| %s | %d |' % (k, v))
    w('')
    w('Inputs: %d GA resolution texts (%d with adoption date), %d SC texts (%d with date, %d with vote), '
      '%d decisions rows (%d with a single meeting date, %d with parts A/B/...), %d roll-call rows used, '
      '%d SC table rows; %d citation dates ignored as impossible, %d citation-only acts dropped as another body\'s; '
      'SC: %d years deduced by bracketing, %d conflicting citation years dropped.\n' % (
          stats['ga_texts'], stats['ga_texts_dated'], stats['sc_texts'], stats['sc_texts_dated'],
          stats['sc_texts_vote'], stats['decisions'], stats['decisions_dated'], stats['decisions_with_parts'],
          stats['rollcall_rows_used'], stats['sc_table'], stats['citation_dates_impossible'],
          stats['dropped_foreign_citations'], stats['sc_year_bracketed'], stats['sc_year_inversions_dropped']))
    w('Roll-call day check per session (same day / same month other day / other month, of n checked):\n')
    rv = stats['rollcall_validation']
    w(', '.join('%s: %d/%d/%d of %d' % (k, *rv[k]) for k in sorted(rv, key=lambda x: (isinstance(x, str), str(x).zfill(3)))) + '\n')
    w('## Coverage of the Secretariat\'s records\n')
    w('`catalog/akn-data-extract/*.json`: %d rows, %d duplicate rows merged (same symbol, different votes or '
      'sponsors: one act, the union of sponsors), %d acts; %d acts whose records date differs from the '
      'text\'s adoption line (the records win). Per file: acts in the records, and of them the catalogue '
      'entries with a date and with a title (what `unlsp lookup` answers).\n' % (
          stats['records_rows'], stats['records_merged'], stats['records_acts'],
          stats['records_text_date_differ']))
    w('| records | acts | with date | with title |\n|---|---|---|---|')
    for line in records_coverage(entries):
        w('| %s | %d | %d | %d |' % line)
    w('')
    w('## Coverage per GA session\n')
    w('`n` acts known, `date` with full date (of which from citations only), `month` month only, `title` any title (of which official: texts/decisions).\n')
    w('| session | resolutions n | date (cit.) | month | title (official) | decisions n | date | title |\n|---|---|---|---|---|---|---|---|')
    sessions = sorted({k[1] for k in by_sess}, key=lambda s: (not s.isdigit(), nat(s)))
    for s in sessions:
        r = by_sess.get(('R', s), collections.Counter())
        d = by_sess.get(('D', s), collections.Counter())
        w('| %s | %d | %d (%d) | %d | %d (%d) | %s | %s | %s |' % (
            s, r['n'], r['date'], r['date_cit'], r['month'], r['title'], r['title_official'],
            d['n'] or '', d['date'] if d['n'] else '', d['title'] if d['n'] else ''))
    tot = collections.Counter()
    for (k, s), c in by_sess.items():
        if k == 'R':
            tot.update(c)
    w('| **all** | %d | %d (%d) | %d | %d (%d) | %d | %d | %d |\n' % (
        tot['n'], tot['date'], tot['date_cit'], tot['month'], tot['title'], tot['title_official'],
        len(ga_d), sum(bool(e['date']) for e in ga_d), sum(bool(e['title']) for e in ga_d)))
    w('## Security Council coverage\n')
    with_year = [e for e in sc if e['a'].session]
    w('- resolutions known: %d (record table 1-2722; citations in session 80 texts reach %d)' % (len(sc), max(SC_BY_NUM)))
    w('- with year: %d (from texts %d, from citations %d, bracketed %d)' % (
        len(with_year), sum('texts' in e['sources'] for e in sc),
        sum(1 for e in with_year if 'texts' not in e['sources'] and 'year-bracketed' not in e['sources']),
        sum('year-bracketed' in e['sources'] for e in sc)))
    w('- with full date: %d (texts %d, citations %d)' % (
        sum(bool(e['date']) for e in sc), sum(bool(e['a'].dates.get('texts')) for e in sc),
        sum(1 for e in sc if e['date'] and not e['a'].dates.get('texts'))))
    w('- with vote: %d; with topic heading: %d' % (sum(bool(e['a'].vote) for e in sc), sum(bool(e['title']) for e in sc)))
    dec = collections.defaultdict(lambda: [0, 0, 0])
    for e in sc:
        n = int(e['a'].number.split()[0])
        b = dec[(n - 1) // 250]
        b[0] += 1
        b[1] += bool(e['a'].session)
        b[2] += bool(e['date'])
    w('\n| numbers | n | with year | with date |\n|---|---|---|---|')
    for k in sorted(dec):
        w('| %d-%d | %d | %d | %d |' % (k * 250 + 1, k * 250 + 250, *dec[k]))
    w('\nSC resolutions after 1454 have no text in the corpus and no date in the tables: their year and date '
      'come only from citations (or bracketing); the rest stay bare numbers with no date.\n')
    w('## Known limits\n')
    w('- Roll-call titles (`title_source = roll-calls`) are vote descriptions (upper case before session 40, '
      'sometimes a summary rather than the title); show them as such.\n'
      '- Citations dates are the corpus authors\' dates; where citing texts disagree the majority wins and '
      '`citations(a/b)` keeps the count (a < b means some text disagrees).\n'
      '- Decisions with parts (`74/537 A and B`) get per-part entries whose dates come from citations only.\n')
    w('## Rust side\n')
    w('`crates/unlsp-index/src/catalogue/` embeds the file with `include_bytes!`, gunzips it with `miniz_oxide` and parses it '
      'on the first call to `catalogue()` (`OnceLock`): about 20 ms in release for ~12k entries. Lookups are '
      '`HashMap` hits: about 40 ns in release (`lookup_is_fast` test). API: `catalogue()`, '
      '`Catalogue::{lookup, find, sc, by_session, parse_query, len, entries}`, `Entry::{year, undocs_url, '
      'title_is_official}`, `embedded_size()`.\n')
    w('Not in the catalogue because no source mentions it: e.g. `61/100` (no roll call, text or citation in the corpus).\n')
    w(TITLES_SECTION)
    with open(path, 'w') as f:
        f.write('\n'.join(L))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', default=os.path.normpath(os.path.join(ROOT, '..', 'shared', 'corpus')))
    ap.add_argument('--out', default=os.path.join(ROOT, 'grammar', 'catalogue.tsv.gz'))
    ap.add_argument('--report', default=os.path.join(ROOT, 'grammar', 'CATALOGUE.md'))
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        args.corpus = '/work/shared/corpus'
    stats, reliable = resolve(args)
    entries = finalize(stats)
    raw, gz = write_tsv(entries, args.out)
    write_report(args.report, entries, stats, raw, gz)
    for line in records_coverage(entries):
        print('%s: %d acts, %d with date, %d with title' % line)
    print('%d entries, %d bytes raw, %d bytes gzip -> %s' % (len(entries), raw, gz, args.out))


if __name__ == '__main__':
    main()
