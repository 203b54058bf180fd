"""Banned-keyword check benchmark: the full per-post check vs a bare pyahocorasick scan, and the
matcher vs a naive per-keyword ``in`` loop.

    uv run python bench/keyword_bench.py [--keywords 10000] [--texts 2000] [--naive-texts 200]

Builds realistic-ish random keywords (2–4 Chinese characters, a few Latin words; 1 % marked "match
homophones") and post-like texts (100–500 characters, with punctuation, digits, Latin words, some
keywords, evasive spellings and contact details), then reports:

* the goal figure: the full per-post check — what ``moderation.services.check_content`` runs for each
  field: the one-pass readings (``moderation.readings``: normalisation — entities, overrides, NFKC,
  look-alikes, … — syllables, contact fold), the keyword automata over the text
  and its variants (gaps, leetspeak, pinyin syllables) with spans in the original text, and contact
  detection — against a bare pyahocorasick automaton of the same keywords scanning the same raw
  texts (goal: within 2×). The two are timed in alternation, best of ``--repeat`` rounds each, so a
  busy machine slows both alike;
* the automata's build time and memory, and the throughput of each part;
* the matcher's exact hits against a naive loop over the same normalised texts (same answers). No database.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import ahocorasick  # noqa: E402

from moderation.contacts import find_contacts  # noqa: E402
from moderation.engine import EXACT, KeywordEntry, KeywordMatcher  # noqa: E402
from moderation.normalise import normalise, normalise_keyword  # noqa: E402
from moderation.readings import read  # noqa: E402

# Frequent characters of Chinese business text, so random keywords look like words and random texts
# share characters with them (a fair test: the automaton has to follow many partial matches).
COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
    "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
    "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
    "队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单"
    "风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土"
    "许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
    "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置"
    "派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞工厂订单批发零售加工定制外贸出口样品交"
)
PUNCT = "，。、；：！？（）“”《》 —…"
EVASIONS = (" ", "-", "*", "·", "\u200b", "　", "x")
LATIN = "abcdefghijklmnopqrstuvwxyz"
CONTACTS = ("电话 138 1234 5678", "加v abc12345", "扣扣 12345678", "www.example.com", "138 加 1234 再加 5678")
LATIN_SHARE = 0.02  # of the keywords
HOMOPHONE_SHARE = 0.01  # of the keywords, marked "match homophones" by an operator


def make_keywords(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    latin = int(count * LATIN_SHARE)
    while len(words) < latin:
        words.add("".join(rng.choice(LATIN) for _ in range(rng.randint(4, 8))))
    while len(words) < count:
        words.add("".join(rng.choice(COMMON) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_entries(rng: random.Random, keywords: list[str]) -> list[KeywordEntry]:
    chinese = [w for w in keywords if not w.isascii()]
    homophones = set(rng.sample(chinese, int(len(keywords) * HOMOPHONE_SHARE)))
    return [KeywordEntry(word=w, action="block", category="other", homophones=w in homophones) for w in keywords]


def make_texts(rng: random.Random, count: int, keywords: list[str]) -> list[str]:
    texts = []
    for _ in range(count):
        length = rng.randint(100, 500)
        parts: list[str] = []
        size = 0
        while size < length:
            roll = rng.random()
            if roll < 0.08:
                piece = rng.choice(PUNCT)
            elif roll < 0.11:
                piece = str(rng.randint(1, 99999))
            elif roll < 0.115:
                piece = rng.choice(keywords)
            elif roll < 0.117:  # an evasive spelling of a keyword
                piece = rng.choice(EVASIONS).join(rng.choice(keywords))
            elif roll < 0.13:
                piece = " " + "".join(rng.choice(LATIN) for _ in range(rng.randint(2, 7))) + " "
            elif roll < 0.132:
                piece = rng.choice(CONTACTS)
            else:
                piece = "".join(rng.choice(COMMON) for _ in range(rng.randint(2, 8)))
            parts.append(piece)
            size += len(piece)
        texts.append("".join(parts)[:length])
    return texts


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(run: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs (least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def without_hits(matcher: KeywordMatcher, text: str) -> str:
    """The text with every keyword hit and contact cut out: what most posts look like to the check."""
    for _ in range(5):
        spans = [(m.start, m.end) for m in matcher.find(text)] + [(c.start, c.end) for c in find_contacts(text)]
        if not spans:
            break
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + text[end:]
    return text


def alternate(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Best wall time of each run, the runs taking turns ``rounds`` times."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keywords", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=2_000)
    parser.add_argument("--naive-texts", type=int, default=200, help="the naive loop is slow: fewer texts")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    keywords = make_keywords(rng, args.keywords)
    entries = make_entries(rng, keywords)
    texts = make_texts(rng, args.texts, keywords)
    total_bytes = sum(len(t.encode()) for t in texts)
    total_chars = sum(len(t) for t in texts)

    # Build: time and memory of the automata (ahocorasick-rs allocates outside Python's allocator, so the
    # memory is the growth of the resident set).
    KeywordMatcher(entries[:10])  # load the translation tables once, outside the measurement
    read(texts[0])
    before = resident_bytes()
    started = time.perf_counter()
    matcher = KeywordMatcher(entries)
    build_seconds = time.perf_counter() - started
    after = resident_bytes()
    build_seconds = min(build_seconds, measure(lambda: KeywordMatcher(entries), 2))

    reference = ahocorasick.Automaton()
    for word in keywords:
        reference.add_word(word, word)
    reference.make_automaton()

    normalised = [normalise(t) for t in texts]
    normalised_texts = [n.text for n in normalised]
    normalised_words = sorted({normalise_keyword(w) for w in keywords})

    def full_check() -> None:
        # What check_content does for each field of a post, minus the result objects.
        for text in texts:
            text_readings = read(text)
            matcher.find_normalised(text_readings)
            find_contacts(text, folded=text_readings.contact_fold)

    def bare_scan() -> None:
        for text in texts:
            for _ in reference.iter(text):
                pass

    def keywords_only() -> None:
        for text in texts:
            matcher.find(text)

    def contacts_only() -> None:
        for text in texts:
            find_contacts(text)

    def normalise_only() -> None:
        for text in texts:
            normalise(text)

    def automaton_only() -> None:
        for text in normalised_texts:
            matcher.count_hits(text)

    naive_subset = normalised_texts[: args.naive_texts]

    def naive() -> None:
        for text in naive_subset:
            [w for w in normalised_words if w in text]

    # Same answers: the keywords found as written (not through a variant) match the naive loop.
    for n in normalised[: args.naive_texts]:
        fast = {normalise_keyword(m.word) for m in matcher.find_normalised(n) if m.via == EXACT}
        slow = {w for w in normalised_words if w in n.text}
        assert fast == slow, "automaton and naive loop disagree"
    found = [matcher.find_normalised(n) for n in normalised]
    hits = sum(len(f) for f in found)
    variant_hits = sum(1 for f in found for m in f if m.via != EXACT)
    contact_hits = sum(len(find_contacts(t)) for t in texts)

    clean = [without_hits(matcher, t) for t in texts]
    clean = [t for t in clean if not matcher.find(t) and not find_contacts(t)]

    def full_check_clean() -> None:
        for text in clean:
            text_readings = read(text)
            matcher.find_normalised(text_readings)
            find_contacts(text, folded=text_readings.contact_fold)

    def bare_scan_clean() -> None:
        for text in clean:
            for _ in reference.iter(text):
                pass

    best = alternate({"full": full_check, "bare": bare_scan}, args.repeat)
    ratio = best["full"] / best["bare"]
    per_text = {name: seconds / len(texts) * 1e6 for name, seconds in best.items()}
    best_clean = alternate({"full": full_check_clean, "bare": bare_scan_clean}, args.repeat)
    ratio_clean = best_clean["full"] / best_clean["bare"]
    per_clean = {name: seconds / len(clean) * 1e6 for name, seconds in best_clean.items()}

    homophones = sum(e.homophones for e in entries)
    print(
        f"Keywords: {len(keywords):,} ({int(len(keywords) * LATIN_SHARE):,} Latin, {homophones:,} marked "
        f'"match homophones") · automaton keys: {matcher.size:,}'
    )
    print(
        f"Texts: {len(texts):,} · {total_chars / len(texts):.0f} characters on average · "
        f"{total_bytes / 1e6:.2f} MB UTF-8 · keyword hits: {hits:,} ({variant_hits:,} through a variant) · "
        f"contacts: {contact_hits:,}"
    )
    print(f"Automata build: {build_seconds * 1000:.1f} ms · resident memory +{(after - before) / 1e6:.2f} MB")
    print()
    header = f"{'figure (per text)':<50} {'size':<28} {'ours':>12} {'reference':>12} {'ratio':>7} {'goal':>6}"
    print(header)
    print("-" * len(header))
    for figure, count, times, value in (
        ("full per-post check vs bare pyahocorasick", len(texts), per_text, ratio),
        ("  the same, texts without hits (most posts)", len(clean), per_clean, ratio_clean),
    ):
        size = f"{len(keywords):,} keywords × {count:,} texts"
        print(
            f"{figure:<50} {size:<28} {times['full']:>9.1f} µs {times['bare']:>9.1f} µs {value:>6.2f}× {'≤ 2×':>6}"
            f"  {'met' if value <= 2 else 'NOT met'}"
        )
    print()

    rows = []
    for name, run, count in (
        ("normalise only", normalise_only, len(texts)),
        ("automaton scans (normalised text)", automaton_only, len(texts)),
        ("keywords (normalise+variants+spans)", keywords_only, len(texts)),
        ("contacts", contacts_only, len(texts)),
        ("full per-post check", full_check, len(texts)),
        ("bare pyahocorasick (raw text)", bare_scan, len(texts)),
        ("naive `in` loop (normalised text)", naive, len(naive_subset)),
    ):
        seconds = measure(run, args.repeat if count == len(texts) else 1)
        share = count / len(texts)
        rows.append((name, count, seconds, count / seconds, total_bytes * share / seconds / 1e6, seconds / count * 1e6))

    header = f"{'method':<36} {'texts':>7} {'seconds':>9} {'texts/s':>11} {'MB/s':>9} {'µs/text':>10}"
    print(header)
    print("-" * len(header))
    for name, count, seconds, per_second, mb_per_second, micros in rows:
        print(f"{name:<36} {count:>7,} {seconds:>9.3f} {per_second:>11,.0f} {mb_per_second:>9.2f} {micros:>10.1f}")
    automaton_rate, naive_rate = rows[1][3], rows[-1][3]
    print()
    print(f"Automaton vs naive loop on the same normalised texts: {automaton_rate / naive_rate:,.0f}× faster")


if __name__ == "__main__":
    main()
