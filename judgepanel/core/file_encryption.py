"""Encrypted packs and panels: SQLCipher, so every page is encrypted as SQLite writes it.

Why SQLCipher and not a whole-file cipher: the judge's autosave writes one page at a time
through SQLite's own rollback journal, so a killed process loses at most the last second and
the file still opens, exactly as with a plain pack; and no decrypted copy of the pack ever
lies on disk (search is an index in memory). docs/encryption.md has the measurements.

A file key is 32 random-looking bytes derived from the passphrase with PBKDF2-HMAC-SHA512
(256,000 rounds, SQLCipher 4's own settings) and the 16-byte salt the file begins with, so
a pack opened with the passphrase in any SQLCipher 4 tool gives the same key. The panel keeps
each pack's key (meta ``pack_cipher:SALT``), so merging a returned pack asks nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from judgepanel.core.errors import RefusedFile

SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000
PASSPHRASE_WORDS = 7
SQLITE_MAGIC = b"SQLite format 3\x00"
KEYRING_SERVICE = "JudgePanel pack"
# Judges' packs are written with 32 KiB pages authenticated by HMAC-SHA256 (SQLCipher's
# defaults, 4 KiB pages and HMAC-SHA512, make a pack of hundreds of megabytes of documents
# several times slower to build); a file opens with whichever settings it was written with.
PACK_CIPHER = ("PRAGMA cipher_page_size = 32768", "PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
ENCRYPTED_CACHE_KIB = 32768  # page cache of an encrypted connection (the library keeps 8 MB)


class WrongPassphrase(RefusedFile):
    """The passphrase does not open the file (or the file is not a JudgePanel file)."""


class PassphraseNeeded(RefusedFile):
    """The file is encrypted and no passphrase or key was given."""


WORDS = (
    "acorn", "actor", "adobe", "agent", "album", "alley", "amber", "angle", "apple", "apron",
    "arena", "arrow", "aspen", "atlas", "attic", "award", "bacon", "badge", "baker", "banjo",
    "barge", "basil", "beach", "beard", "bench", "berry", "bison", "blade", "blaze", "bloom",
    "board", "bonus", "boots", "brick", "bride", "brook", "brush", "bucket", "cabin", "cable",
    "cactus", "camel", "candle", "canoe", "canyon", "cargo", "carpet", "castle", "cedar",
    "chalk", "chapel", "cherry", "chess", "cider", "cinema", "circus", "citrus", "clerk",
    "cliff", "clock", "cloud", "clover", "coast", "cobalt", "comet", "coral", "cotton",
    "cradle", "crane", "crater", "crayon", "crown", "cruise", "cycle", "daisy", "dance",
    "delta", "denim", "desert", "diary", "dinner", "dolphin", "donkey", "dragon", "drama",
    "dream", "drum", "eagle", "easel", "echo", "elbow", "ember", "empire", "engine", "falcon",
    "fable", "fern", "ferry", "fiddle", "field", "fossil", "fountain", "fox", "frost",
    "garden", "garlic", "gecko", "ginger", "glacier", "globe", "goose", "grape", "gravel",
    "guitar", "hammer", "harbour", "harp", "hazel", "helmet", "heron", "hill", "honey",
    "horizon", "hotel", "iceberg", "igloo", "island", "ivory", "jacket", "jasmine", "jelly",
    "jigsaw", "jungle", "kayak", "kettle", "kiwi", "koala", "ladder", "lagoon", "lantern",
    "lemon", "lily", "linen", "lizard", "lobster", "locket", "lotus", "magnet", "mango",
    "maple", "marble", "meadow", "melon", "mirror", "mitten", "monkey", "mosaic", "mountain",
    "muffin", "museum", "needle", "nest", "nickel", "noodle", "nutmeg", "oasis", "ocean",
    "olive", "onion", "orbit", "orchard", "otter", "owl", "paddle", "palace", "panda",
    "parrot", "pearl", "pebble", "pepper", "piano", "pickle", "pillow", "pilot", "planet",
    "plum", "pocket", "pony", "poppy", "potato", "prism", "puffin", "pumpkin", "quartz",
    "quill", "rabbit", "radar", "radish", "raven", "ribbon", "river", "robin", "rocket",
    "saddle", "salmon", "sandal", "satin", "scarf", "shadow", "shell", "signal", "silver",
    "sketch", "sparrow", "spider", "spruce", "squash", "statue", "stork", "summit", "sunset",
    "swan", "table", "teapot", "thistle", "thunder", "tiger", "timber", "tomato", "torch",
    "tower", "tractor", "tulip", "tunnel", "turnip", "umbrella", "valley", "velvet", "violin",
    "voyage", "walnut", "walrus", "willow", "window", "winter", "wizard", "yacht", "yogurt",
    "zebra", "zigzag", "meteor",)


@dataclass(frozen=True)
class FileKey:
    """The raw SQLCipher key of one file and the salt written at its start."""

    key: bytes
    salt: bytes

    @property
    def hex(self) -> str:
        """Key and salt as one hex string: what the panel and the keyring keep."""
        return (self.key + self.salt).hex()

    @classmethod
    def from_hex(cls, text: str) -> FileKey:
        raw = bytes.fromhex(text)
        if len(raw) != KEY_BYTES + SALT_BYTES:
            raise ValueError("a file key is 48 bytes")
        return cls(raw[:KEY_BYTES], raw[KEY_BYTES:])

    def pragma(self) -> str:
        """The `PRAGMA key` value: a raw key, so SQLCipher runs no key derivation of its own."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""


def new_passphrase(words: int = PASSPHRASE_WORDS) -> str:
    """Several common words, easy to read aloud or copy from a slip (about 8 bits a word)."""
    return " ".join(secrets.choice(WORDS) for _ in range(words))


def derive_key(passphrase: str, salt: bytes) -> FileKey:
    """The key SQLCipher 4 itself derives from `passphrase` and a file's salt."""
    if not passphrase.strip():
        raise WrongPassphrase("the passphrase is empty")
    return _derive(passphrase, salt)


@lru_cache(maxsize=64)
def _derive(passphrase: str, salt: bytes) -> FileKey:
    """Deliberately slow (a quarter of a second); kept for this process only, so reopening
    the same pack, or each command a script runs in one process, pays it once."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS,
                              KEY_BYTES)
    return FileKey(key, salt)


def new_key(passphrase: str) -> FileKey:
    """A key for a new file: the passphrase with a fresh random salt."""
    return derive_key(passphrase, secrets.token_bytes(SALT_BYTES))


def file_salt(path: Path) -> bytes:
    """The salt an encrypted file begins with (its first 16 bytes)."""
    with Path(path).open("rb") as handle:
        return handle.read(SALT_BYTES)


def is_encrypted(path: Path | str) -> bool:
    """Whether a file looks like an SQLCipher database: whole pages (a multiple of 512
    bytes) with no plain SQLite header. A text file or a truncated one is not."""
    path = Path(path)
    if not path.is_file():
        return False
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    return size >= 512 and size % 512 == 0 and head != SQLITE_MAGIC


def key_for_file(path: Path | str, passphrase: str) -> FileKey:
    """The key that opens `path` if `passphrase` is right (checked only when it is opened)."""
    return derive_key(passphrase, file_salt(Path(path)))


# The settings each key last opened a file with, in this process's memory only.
_OPENED_WITH: dict[FileKey, tuple[str, ...]] = {}


def connect(database: str, key: FileKey, **options: Any) -> sqlite3.Connection:
    """An SQLCipher connection to `database` (a path, or a URI with uri=True), keyed; a
    wrong key raises WrongPassphrase.

    The connection behaves as the standard library's (its errors are sqlite3's, see
    `_share_errors`), so sqlite-utils and the store use it unchanged.
    """
    from sqlcipher3 import dbapi2

    # SQLCipher's defaults, then a pack's (see above); the ones that last opened a file with
    # this key first, so reopening a pack does not fail once on the defaults every time.
    tries = (PACK_CIPHER, ()) if _OPENED_WITH.get(key) == PACK_CIPHER else ((), PACK_CIPHER)
    for settings in tries:
        conn: sqlite3.Connection = dbapi2.connect(database, **options)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key: our message, no log
            conn.execute(f"PRAGMA key = {key.pragma()}")
            for setting in settings:
                conn.execute(setting)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc) or "encrypted" in str(exc):
                continue
            raise
        if tables:  # an empty new file opens with any settings: it says nothing yet
            _OPENED_WITH[key] = settings
        # A page SQLite has to read again is decrypted and checked again (a plain file's
        # comes from the system's cache): keep up to 32 MiB of pages read, a merged panel's
        # scores, so ranking by every method reads them once (bounded; pages as they are read).
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
        return conn
    raise WrongPassphrase("the passphrase is wrong, or this is not a JudgePanel file")


def truncation(conn: sqlite3.Connection, path: Path) -> str:
    """Why an opened encrypted file is truncated (its pages say it is longer), or ""."""
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    size = path.stat().st_size
    if size < pages * page_size:
        return (f"the file is truncated ({size} of {pages * page_size} bytes); ask for it to "
                "be sent again")
    return ""


def _share_errors() -> None:
    """Make SQLCipher's error classes also the standard library's, so every `except
    sqlite3.Error` in JudgePanel (full disk, damaged file, busy) holds for encrypted files."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return
    for name in ("DatabaseError", "OperationalError", "IntegrityError", "ProgrammingError",
                 "InterfaceError", "DataError", "NotSupportedError", "InternalError"):
        theirs, ours = getattr(dbapi2, name), getattr(sqlite3, name)
        if not issubclass(theirs, ours):
            theirs.__bases__ = (*theirs.__bases__, ours)


_share_errors()


# Keys this process has opened files with, in memory only (never written anywhere): the
# judge or the coordinator types the passphrase once, and every later opening of the same
# file in this process (the window's worker thread, background jobs, output writers, a
# command's several steps) finds the key here. Keyed by the resolved path.
_HELD: dict[Path, FileKey] = {}

KeySource = Callable[[Path], "FileKey | None"]
_SOURCE: list[KeySource] = []


def hold_key(path: Path | str, key: FileKey) -> None:
    _HELD[Path(path).resolve()] = key


def held_key(path: Path | str) -> FileKey | None:
    return _HELD.get(Path(path).resolve())


def forget_key(path: Path | str) -> None:
    """Drop the key held for `path` (its encryption was removed or changed)."""
    _HELD.pop(Path(path).resolve(), None)


def forget_keys() -> None:
    """Drop every held key: each command of the command line starts knowing none."""
    _HELD.clear()


def set_key_source(source: KeySource | None) -> None:
    """Who to ask for the key of an encrypted file this process holds no key for (the command
    line: its passphrase file, the environment, the keyring, a prompt); None: nobody."""
    _SOURCE[:] = [source] if source is not None else []


def key_for_opening(path: Path | str) -> FileKey | None:
    """The key to open the encrypted file `path` with: the one held, else the key source's,
    checked and then held; None when neither knows it. A wrong one raises WrongPassphrase."""
    path = Path(path)
    held = held_key(path)
    if held is not None or not _SOURCE:
        return held
    key = _SOURCE[0](path)
    if key is None:
        return None
    check_key(path, key)
    hold_key(path, key)
    return key


def check_key(path: Path | str, key: FileKey) -> None:
    """Raise WrongPassphrase, naming the file and nothing of what it holds, unless `key`
    opens `path` (read only; any other problem is left to the full opening to explain)."""
    path = Path(path)
    try:
        connect(f"{path.resolve().as_uri()}?mode=ro", key, uri=True).close()
    except WrongPassphrase:
        raise WrongPassphrase(f"{path}: the passphrase is wrong") from None
    except (sqlite3.Error, ValueError, OSError):
        return


class NoKeyring(Exception):
    """This computer has no keyring JudgePanel can keep a passphrase in."""


def remember_key(path: Path | str, key: FileKey) -> None:
    """Keep a pack's key in the system keyring ("remember on this computer"), under its salt.

    Raises NoKeyring, saying so plainly, when the keyring package or a backend is missing.
    """
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        raise NoKeyring("this computer has no keyring for JudgePanel to remember the "
                        "passphrase in; type it each time you open the pack") from None
    try:
        keyring.set_password(KEYRING_SERVICE, file_salt(Path(path)).hex(), key.hex)
    except (KeyringError, RuntimeError) as exc:
        raise NoKeyring(f"this computer's keyring cannot remember the passphrase ({exc}); "
                        "type it each time you open the pack") from None


def remembered_key(path: Path | str) -> FileKey | None:
    """The key remembered for this pack on this computer, if any (None without a keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        text = keyring.get_password(KEYRING_SERVICE, file_salt(Path(path)).hex())
        return FileKey.from_hex(text) if text else None
    except (KeyringError, RuntimeError, ValueError, OSError):
        return None


def export_file(source: Path | str, target: Path | str, source_key: FileKey | None,
                target_key: FileKey | None) -> None:
    """Write the whole of the closed file `source` to the new file `target`, encrypted with
    `target_key` (or plain with None), with SQLCipher's own `sqlcipher_export`.

    The write-ahead log is folded into `source` first and the file left in rollback-journal
    mode, so nothing of it stays in a `-wal` beside it; that needs every other program to have
    let go of the file, so one still holding it open fails here ("database is locked") before
    anything is written. `target` is removed on any failure.
    """
    from sqlcipher3 import dbapi2

    source, target = Path(source), Path(target)
    target.unlink(missing_ok=True)
    conn = (connect(str(source), source_key, isolation_level=None) if source_key
            else dbapi2.connect(str(source), isolation_level=None))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":  # another program holds it open
            raise sqlite3.OperationalError("database is locked")
        pragma = target_key.pragma() if target_key else "''"
        conn.execute(f"ATTACH DATABASE ? AS exported KEY {pragma}", [str(target)])
        conn.execute("SELECT sqlcipher_export('exported')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA exported.user_version = {int(version)}")
        conn.execute("DETACH DATABASE exported")
    except BaseException:
        conn.close()
        target.unlink(missing_ok=True)
        raise
    conn.close()


def encrypt_file(path: Path | str, passphrase: str) -> FileKey:
    """Encrypt a plain, closed JudgePanel file in place (an older plain pack); returns its key.

    Written to a temporary file beside it and moved into place only when complete.
    """
    path = Path(path)
    key = new_key(passphrase)
    partial = path.with_name(f".{path.name}.encrypting")
    export_file(path, partial, None, key)
    partial.replace(path)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return key
