"""Nominees' personal data: encrypted packs, fields judges never see, the purge at the end.

Each test reads the file's raw bytes where the promise is about what a lost USB stick or a
vacuumed panel gives away.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoBackend

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, list_entries, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import (
    FileKey,
    NoKeyring,
    PassphraseNeeded,
    WrongPassphrase,
    forget_keys,
    is_encrypted,
    key_for_file,
    new_passphrase,
    remember_key,
    remembered_key,
)
from judgepanel.core.judge_fields import choose_judge_fields, judge_fields
from judgepanel.core.judges import Judge, add_judge, list_judges
from judgepanel.core.merge import merge_packs
from judgepanel.core.packs import make_pack, open_pack, pack_expired, panel_pack_key
from judgepanel.core.panel import create_panel
from judgepanel.core.personal_data import purge_personal_data
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
NOMINEE = "Zenobia Quartermaine"
ORGANISATION = "Xanthe Valley NHS Foundation Trust"
EMAIL = "zenobia.q@example.org"
PHONE = "07700 900461"
STORY = "PATIENTSTORY the ward changed how Mrs Ogunleye was cared for"


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "awards.judgepanel", "Regional Awards 2026",
                         builtin_awards())
    upsert_entries(store, [
        EntryRecord("E-1", AWARD, title="Ward redesign", nominee=NOMINEE,
                    organisation=ORGANISATION, answers={"Q1": STORY},
                    fields={"Email": EMAIL, "Phone": PHONE, "Region": "North West"},
                    source={"Nominee email": EMAIL, "Category": AWARD}),
        EntryRecord("E-2", AWARD, title="Discharge lounge", nominee="Ifeoma Brackenridge",
                    organisation="Quillfield Trust", answers={"Q1": "Second answer"},
                    fields={"Email": "ifeoma@example.org", "Phone": "07700 900462",
                            "Region": "North East"})])
    for name in ("Ann Ward", "Ben Carr"):
        added = add_judge(store, name, f"{name.split()[0].lower()}@example.org")
        for entry in ("E-1", "E-2"):
            assign(store, added, entry)
    return store


def judge(store: Store, first: str) -> Judge:
    return next(j for j in list_judges(store) if j.name.startswith(first))


def test_an_encrypted_pack_shows_nothing_in_its_bytes_and_opens_with_the_passphrase(
        panel: Store, tmp_path: Path) -> None:
    ann = judge(panel, "Ann")
    Judging.for_judge(panel, ann.id).set_score("E-1", "Q1", 7, "COMMENTWORD strong evidence")
    path = tmp_path / "Ann Ward.judgepack"
    summary = make_pack(panel, ann, path, passphrase="")  # a generated passphrase
    assert len(summary.passphrase.split()) >= 6 and is_encrypted(path)
    raw = path.read_bytes()
    for text in (NOMINEE, ORGANISATION, EMAIL, PHONE, "PATIENTSTORY", "Ward redesign",
                 "COMMENTWORD", "Ann Ward", "ann@example.org", "Regional Awards",
                 "leading-systems", "SQLite format 3"):
        assert text.encode("utf-8") not in raw, text
    forget_keys()  # as another process: this one holds the key of the pack it made
    with pytest.raises(PassphraseNeeded, match="encrypted"):
        Store.open(path)  # another process (no key held): nothing without the passphrase
    with open_pack(path, key_for_file(path, summary.passphrase)) as pack:
        assert [e["nominee"] for e in list_entries(pack)] == [NOMINEE, "Ifeoma Brackenridge"]
        judging = Judging.for_pack(pack)
        judging.set_score("E-2", "Q1", 5, "Scored on the train")
    assert b"Scored on the train" not in path.read_bytes()


def test_a_wrong_passphrase_is_refused_clearly_and_reveals_nothing(panel: Store,
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "pack.judgepack"
    make_pack(panel, judge(panel, "Ann"), path, passphrase="harbour lantern velvet")
    with pytest.raises(WrongPassphrase) as refused:
        open_pack(path, key_for_file(path, "harbour lantern violin"))
    message = str(refused.value)
    assert "passphrase is wrong" in message and str(path) in message
    for text in ("Ann", "2 entries", "entries", "Regional"):
        assert text not in message.replace(str(path), "")


def test_encrypted_and_plain_packs_merge_together_asking_nothing(panel: Store,
                                                                 tmp_path: Path) -> None:
    ann, ben = judge(panel, "Ann"), judge(panel, "Ben")
    secret, plain = tmp_path / "ann.judgepack", tmp_path / "ben.judgepack"
    made = make_pack(panel, ann, secret, passphrase="")
    make_pack(panel, ben, plain)  # --no-encrypt: as a plain pack from the current release
    assert panel_pack_key(panel, secret) == key_for_file(secret, made.passphrase)
    with open_pack(secret, key_for_file(secret, made.passphrase)) as pack:
        Judging.for_pack(pack).set_score("E-1", "Q1", 8, "Ann's view")
    with open_pack(plain) as pack:
        Judging.for_pack(pack).set_score("E-1", "Q1", 4, "Ben's view")
    results = merge_packs(panel, [secret, plain])
    assert [r.new for r in results] == [1, 1]
    assert panel.rows("SELECT judge, value FROM scores ORDER BY judge") == [
        {"judge": ann.id, "value": 8}, {"judge": ben.id, "value": 4}]


def test_hidden_fields_never_enter_the_packs_bytes_and_the_panel_keeps_them(
        panel: Store, tmp_path: Path) -> None:
    chosen = choose_judge_fields(panel, AWARD, ["nominee", "organisation", "email", "PHONE"],
                                 [], who="coordinator")
    assert chosen.hidden == ["nominee", "organisation", "Email", "Phone"]
    assert chosen.shown == ["Region"]
    assert judge_fields(panel, AWARD).hidden == chosen.hidden
    audit = panel.rows("SELECT who, detail FROM audit WHERE action = 'judge fields chosen'")
    assert audit and audit[-1]["who"] == "coordinator" and "Phone" in audit[-1]["detail"]
    path = tmp_path / "plain.judgepack"
    make_pack(panel, judge(panel, "Ann"), path)  # plain, so a grep of the bytes means it
    raw = path.read_bytes()
    for text in (NOMINEE, ORGANISATION, EMAIL, PHONE, "Ifeoma", "Quillfield"):
        assert text.encode("utf-8") not in raw, text
    assert b"North West" in raw and b"Ward redesign" in raw  # what judges still see
    with open_pack(path) as pack:
        shown = list_entries(pack)
    assert shown[0]["nominee"] == "" and shown[0]["fields"] == {"Region": "North West"}
    assert list_entries(panel)[0]["nominee"] == NOMINEE  # the report still has it
    with pytest.raises(JudgePanelError, match="has no field 'Postcode'"):
        choose_judge_fields(panel, AWARD, ["Postcode"], [])
    assert choose_judge_fields(panel, AWARD, [], ["nominee"]).hidden == [
        "organisation", "Email", "Phone"]


def test_the_purge_leaves_no_personal_text_in_the_file_and_keeps_the_results(
        panel: Store, tmp_path: Path) -> None:
    ann = judge(panel, "Ann")
    Judging.for_judge(panel, ann.id).set_score("E-1", "Q1", 9, "Convincing")
    path = panel.path
    assert path is not None
    purged = purge_personal_data(panel, who="coordinator")
    assert purged.entries == 2 and {"Email", "Phone"} <= set(purged.fields)
    raw = b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))
    for text in (NOMINEE, ORGANISATION, EMAIL, PHONE, "Ifeoma Brackenridge", "Quillfield",
                 "ifeoma@example.org", "ann@example.org"):
        assert text.encode("utf-8") not in raw, text
    assert panel.rows("SELECT judge, value, comment FROM scores") == [
        {"judge": ann.id, "value": 9, "comment": "Convincing"}]
    assert list_entries(panel)[0]["fields"] == {"Region": "North West"}
    assert panel.audit_problems() == [] and panel.state_problems() == []
    record = panel.rows("SELECT who, action FROM audit ORDER BY id DESC LIMIT 1")[0]
    assert record == {"who": "coordinator", "action": "personal data purged"}


def test_the_purge_removes_the_nominee_named_in_their_own_answers(panel: Store) -> None:
    """Entrants write about themselves ("The Outpatients Group was set up…"): the answers
    stay for the record, without the personal values they name."""
    upsert_entries(panel, [EntryRecord(
        "E-3", AWARD, title="Booking online", nominee="Outpatients Improvement Group",
        organisation="Cresswell Acute Hospitals",
        answers={"Q1": "The OUTPATIENTS improvement group, at Cresswell Acute Hospitals, "
                       "rebuilt booking.", "Q2": "Waiting times fell by a third."})])
    purged = purge_personal_data(panel)
    answers = {r["section"]: r["text"] for r in panel.rows(
        "SELECT section, text FROM answers WHERE entry = 'E-3'")}
    assert answers == {"Q1": "The [removed], at [removed], rebuilt booking.",
                       "Q2": "Waiting times fell by a third."}
    assert purged.answers == 1 and "personal text removed from 1 answer(s)" in purged.lines()


def test_a_pack_past_its_expiry_date_can_only_be_returned(panel: Store,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "ann.judgepack"
    make_pack(panel, judge(panel, "Ann"), path, expires=date(2027, 1, 31))
    with open_pack(path) as pack:
        assert not pack_expired(pack, today=date(2027, 1, 31))
        assert pack_expired(pack, today=date(2027, 2, 1))


def test_remember_on_this_computer_uses_the_keyring_and_says_when_there_is_none(
        panel: Store, tmp_path: Path) -> None:
    path = tmp_path / "ann.judgepack"
    made = make_pack(panel, judge(panel, "Ann"), path, passphrase=new_passphrase())
    key = key_for_file(path, made.passphrase)
    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(_MemoryKeyring())
        remember_key(path, key)
        assert remembered_key(path) == key
        keyring.set_keyring(NoBackend())
        assert remembered_key(path) is None
        with pytest.raises(NoKeyring, match="no keyring|cannot remember"):
            remember_key(path, key)
    finally:
        keyring.set_keyring(previous)
    assert FileKey.from_hex(key.hex) == key


class _MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory, as a real backend would behave."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)
