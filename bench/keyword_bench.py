"""Banned-keyword check benchmark: the Aho-Corasick matcher vs a naive per-keyword ``in`` loop.

    uv run python bench/keyword_bench.py [--keywords 10000] [--texts 2000] [--naive-texts 200]

Builds realistic-ish random Chinese keywords (2–4 characters) and post-like texts (100–500 characters,
with punctuation, digits, some keywords and some evasive spellings), then reports the automaton's build
time and memory, and the throughput of: normalisation alone, the automaton on normalised text, the full
check (normalise + automaton + spans), and the naive loop over the same normalised texts. No database.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from moderation.engine import KeywordMatcher  # noqa: E402
from moderation.normalise import normalise, normalise_keyword  # noqa: E402

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
EVASIONS = (" ", "-", "*", "·", "\u200b", "　")


def make_keywords(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(COMMON) for _ in range(rng.randint(2, 4))))
    return sorted(words)


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
            else:
                piece = "".join(rng.choice(COMMON) for _ in range(rng.randint(2, 8)))
            parts.append(piece)
            size += len(piece)
        texts.append("".join(parts)[:length])
    return texts


def measure(run: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs (least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keywords", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=2_000)
    parser.add_argument("--naive-texts", type=int, default=200, help="the naive loop is slow: fewer texts")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    keywords = make_keywords(rng, args.keywords)
    texts = make_texts(rng, args.texts, keywords)
    total_bytes = sum(len(t.encode()) for t in texts)
    total_chars = sum(len(t) for t in texts)

    # Build: time and memory of the automaton (pyahocorasick allocates through PyMem, which tracemalloc sees).
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    started = time.perf_counter()
    matcher = KeywordMatcher.from_words(keywords)
    build_seconds = time.perf_counter() - started
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    build_seconds = min(build_seconds, measure(lambda: KeywordMatcher.from_words(keywords), args.repeat - 1 or 1))

    normalised = [normalise(t) for t in texts]
    normalised_texts = [n.text for n in normalised]
    normalised_words = sorted({normalise_keyword(w) for w in keywords})

    def automaton_only() -> None:
        for text in normalised_texts:
            matcher.count_hits(text)

    def full_check() -> None:
        for text in texts:
            matcher.find(text)

    def normalise_only() -> None:
        for text in texts:
            normalise(text)

    naive_subset = normalised_texts[: args.naive_texts]

    def naive() -> None:
        for text in naive_subset:
            [w for w in normalised_words if w in text]

    # Same answers: the set of keywords found per text must agree.
    for n in normalised[: args.naive_texts]:
        fast = {normalise_keyword(m.word) for m in matcher.find_normalised(n)}
        slow = {w for w in normalised_words if w in n.text}
        assert fast == slow, "automaton and naive loop disagree"
    hits = sum(len(matcher.find_normalised(n)) for n in normalised)

    rows = []
    for name, run, count in (
        ("normalise only", normalise_only, len(texts)),
        ("automaton scan (normalised text)", automaton_only, len(texts)),
        ("full check (normalise+automaton)", full_check, len(texts)),
        ("naive `in` loop (normalised text)", naive, len(naive_subset)),
    ):
        seconds = measure(run, args.repeat if count == len(texts) else 1)
        share = count / len(texts)
        rows.append((name, count, seconds, count / seconds, total_bytes * share / seconds / 1e6, seconds / count * 1e6))

    print(f"Keywords: {len(keywords):,} (2–4 Chinese characters) · automaton keys: {matcher.size:,}")
    print(
        f"Texts: {len(texts):,} · {total_chars / len(texts):.0f} characters on average · "
        f"{total_bytes / 1e6:.2f} MB UTF-8 · keyword hits: {hits:,}"
    )
    print(
        f"Automaton build: {build_seconds * 1000:.1f} ms · memory {(after - before) / 1e6:.2f} MB "
        f"(peak during build {(peak - before) / 1e6:.2f} MB, tracemalloc)"
    )
    stats = matcher.stats()
    print(
        f"Automaton: {stats.get('nodes_count', 0):,} nodes · {stats.get('total_size', 0) / 1e6:.2f} MB (pyahocorasick)"
    )
    print()
    header = f"{'method':<36} {'texts':>7} {'seconds':>9} {'texts/s':>11} {'MB/s':>9} {'µs/text':>10}"
    print(header)
    print("-" * len(header))
    for name, count, seconds, per_second, mb_per_second, micros in rows:
        print(f"{name:<36} {count:>7,} {seconds:>9.3f} {per_second:>11,.0f} {mb_per_second:>9.2f} {micros:>10.1f}")
    automaton_rate, naive_rate = rows[1][3], rows[3][3]
    print()
    print(f"Automaton vs naive loop on the same normalised texts: {automaton_rate / naive_rate:,.0f}× faster")


if __name__ == "__main__":
    main()
