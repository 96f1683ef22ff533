"""Bytes to text: byte order mark, then strict UTF-8, then a declared or guessed legacy encoding.

Order of attempts:

1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides;
2. binary data (known magic numbers, NUL bytes without a UTF-16 pattern, many control bytes) is refused;
3. strict UTF-8;
4. mostly valid UTF-8 with a few bad bytes: UTF-8 with the bad bytes replaced, counted in a warning;
5. the charset the page or HTTP header declares, when it decodes cleanly;
6. Latin-script text (few non-ASCII bytes) is cp1252, as browsers read latin-1; otherwise
   charset-normalizer's guess, where a Western single-byte guess (cp1250, latin-1, mac-roman) becomes cp1252;
7. nothing fits: :class:`DecodeError` with reason ``undecodable``.
"""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes

from .detect import BOM_LENGTHS, describe_binary, detect_bom, detect_utf16_pattern

__all__ = ["DecodeError", "decode_bytes"]

log = logging.getLogger(__name__)

#: bytes handed to charset-normalizer for its guess (it samples anyway; this bounds the work)
GUESS_BYTES = 256 * 1024
#: charset-normalizer guesses that are read as cp1252 instead (Western single-byte families)
_WESTERN_GUESSES = frozenset(
    {
        "ascii", "latin_1", "cp1250", "cp1252", "cp1254", "cp1257", "cp437", "cp850", "cp858",
        "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "iso8859_2", "iso8859_3", "iso8859_4",
        "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    }
)  # fmt: skip
#: guesses that are never trusted without a byte order mark (short Latin text often "looks" UTF-16)
_UNTRUSTED_GUESSES = ("utf_16", "utf_32", "utf_7")
#: up to this share of non-ASCII bytes, text is taken as Latin script (cp1252) without asking for a guess;
#: Cyrillic, Greek, Thai or CJK text is mostly non-ASCII bytes and goes to charset-normalizer
LATIN_MAX_HIGH_SHARE = 0.2
#: shorter blobs are too short for a reliable guess and are read as cp1252
MIN_GUESS_BYTES = 32


class DecodeError(ValueError):
    """The bytes are not text: ``reason`` is ``binary`` or ``undecodable``; the message is for the user."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _decode_with_bom(data: bytes, encoding: str, bom_length: int) -> tuple[str, str, list[str]]:
    body = data[bom_length:]
    name = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        return body.decode(name), name, []
    except UnicodeDecodeError:
        text = body.decode(name, errors="replace")
        return text, name, [f"invalid {name} bytes replaced"]


def _count_bad_utf8(data: bytes) -> tuple[str, int, int]:
    """(text with replacements, bad sequences, valid non-ASCII characters)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return text, bad, non_ascii - bad


def _try_codec(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _high_share(data: bytes) -> float:
    sample = data[:GUESS_BYTES]
    high = len(sample) - len(sample.decode("latin-1").encode("ascii", errors="ignore"))
    return high / max(len(sample), 1)


def _western_codec(data: bytes) -> str:
    return "cp1252" if _try_codec(data, "cp1252") is not None else "latin-1"


def _guess_encoding(data: bytes) -> str | None:
    """cp1252 for Latin-script text with a few special bytes; otherwise charset-normalizer's guess."""
    if len(data) < MIN_GUESS_BYTES or _high_share(data) <= LATIN_MAX_HIGH_SHARE:
        return _western_codec(data)
    best = from_bytes(data[:GUESS_BYTES]).best()
    guess = best.encoding if best is not None else None
    if guess is None or guess.startswith(_UNTRUSTED_GUESSES):
        return None
    return _western_codec(data) if guess in _WESTERN_GUESSES else guess


def _declared_codec(declared: str | None) -> str | None:
    """The codec to use for a declared charset: latin-1 and ASCII labels mean cp1252 (as in browsers)."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("'\"")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _decode_legacy(data: bytes, source: str, declared: str | None) -> tuple[str, str, list[str]]:
    codec = _declared_codec(declared)
    text = _try_codec(data, codec)
    if codec and text is not None:
        return text, codec, [f"decoded as {codec} (declared {declared}): not valid UTF-8"]
    guess = _guess_encoding(data)
    text = _try_codec(data, guess)
    if guess is None or text is None:
        raise DecodeError(
            "undecodable",
            f"{source}: the bytes fit no text encoding (not UTF-8, no byte order mark, no legacy "
            "charset fits); convert the file to UTF-8 or remove it from the inputs",
        )
    return text, guess, [f"decoded as {guess}: not valid UTF-8"]


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode ``data`` to text: ``(text, encoding used, warnings)``.

    ``declared`` is a charset named by the page or its HTTP header, tried only when the bytes are not
    UTF-8. Raises :class:`DecodeError` (reason ``binary`` or ``undecodable``) when the data is not text.
    """
    bom = detect_bom(data)
    if bom:
        return _decode_with_bom(data, bom, BOM_LENGTHS[bom])
    binary = describe_binary(data)
    if binary:
        raise DecodeError("binary", f"{source}: {binary}, not text; remove it from the inputs")
    pattern = detect_utf16_pattern(data)
    if pattern:
        text, _, warnings = _decode_with_bom(data, pattern, 0)
        return text, pattern, [f"decoded as {pattern}: no byte order mark", *warnings]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    text, bad, good = _count_bad_utf8(data)
    if good >= bad:
        return text, "utf-8", [f"invalid UTF-8 bytes replaced at {bad} place{'s' if bad != 1 else ''}"]
    log.debug("%s: not UTF-8 (%d bad sequences), guessing a legacy encoding", source, bad)
    return _decode_legacy(data, source, declared)
