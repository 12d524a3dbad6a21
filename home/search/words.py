"""Words for the search index and for queries.

Chinese is written without spaces, and full-text engines (SQLite FTS5, PostgreSQL tsvector)
only split at spaces and punctuation, so a title like 关爱明天、普法先行——青少年法治宣传教育活动
would be three "words". Before indexing we convert text to simplified characters and cut it
into words with jieba, joined by spaces; queries go through the same steps, so 普法, 法治宣传
and 法治宣傳 all meet the words of that title.

The index also keeps, inside every long word, the shorter dictionary words it contains
(宣传教育 → 宣传, 教育), so a query for the shorter word finds the longer one. Our own
terms (关工委, 五老, 双减, 法治副校长…) are in ``dictionary.txt`` and stay whole.
"""

import logging
import re
import threading
from collections import Counter
from pathlib import Path

import jieba
import opencc

DICTIONARY = Path(__file__).with_name("dictionary.txt")

# A word has at least one letter or digit; jieba also yields punctuation and spaces.
_WORD = re.compile(r"\w")
# Short words that carry no meaning of their own in a query.
_QUERY_STOP_WORDS = frozenset(
    ["的", "了", "和", "与", "及", "或", "在", "是", "有", "把", "被", "之", "等"]
)

_to_simplified = opencc.OpenCC("t2s")
_to_traditional = opencc.OpenCC("s2t")
_tokenizer = None
_lock = threading.Lock()


def tokenizer():
    """jieba's tokenizer with our dictionary, loaded once per process (about a second)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(logging.WARNING)
                loaded = jieba.Tokenizer()
                loaded.load_userdict(str(DICTIONARY))
                _tokenizer = loaded
    return _tokenizer


def simplified(text):
    return _to_simplified.convert(text)


def traditional(text):
    return _to_traditional.convert(text)


def _is_word(token):
    return bool(_WORD.search(token))


def index_words(text):
    """``text`` as space-separated words for the search index.

    jieba's precise cut gives the words as a reader sees them, including names its model
    guesses (青禾中学 → 青禾, 中学). Its full mode adds every dictionary word hidden inside
    or across them (法治宣传教育 → 法治宣传, 宣传教育, 宣传, 教育), so that a query, cut
    on its own, meets the text however the sentence around it was cut.
    """
    if not text:
        return ""
    cutter = tokenizer()
    text = simplified(text).lower()
    words = [token for token in cutter.cut(text) if _is_word(token)]
    seen = Counter(words)
    for token in cutter.cut(text, cut_all=True):
        if len(token) < 2 or not _is_word(token):
            continue
        if seen[token]:
            seen[token] -= 1
        else:
            words.append(token)
    return " ".join(words)


def query_words(text):
    """The words a query asks for, in order, without repeats or stop words.

    A single character next to longer words (区 in 区关工委) is dropped too: it is rarely
    a word of its own in the text, and the longer words say enough.
    """
    tokens = [t for t in tokenizer().cut(simplified(text).lower()) if _is_word(t)]
    tokens = [t for t in tokens if t not in _QUERY_STOP_WORDS] or tokens
    if any(len(t) > 1 for t in tokens):
        tokens = [t for t in tokens if len(t) > 1 or t.isascii()]
    return list(dict.fromkeys(tokens))
