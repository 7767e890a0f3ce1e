"""Written outputs are kept in the panel's audit log and summarised for the Outputs page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.outputs_log import outputs_summary, outputs_written, record_output
from judgepanel.core.store import Store, now


def clock(stamp: str) -> str:
    return f"{datetime.fromisoformat(stamp).astimezone():%H:%M}"


def test_a_written_output_survives_closing_the_panel(panel_path: Path, tmp_path: Path):
    with Store.open(panel_path) as store:
        record_output(store, "report", [tmp_path / "Ranked report.pdf"], tmp_path,
                      awards=["leadership"], who="Priya Shah")
        record_output(store, "certificates", [tmp_path / "Certificates.pdf"], tmp_path,
                      items=12, who="Priya Shah")
    with Store.open(panel_path) as store:
        written = outputs_written(store)
        assert [(r.kind, r.files, r.items, r.who) for r in written] == [
            ("report", 1, 1, "Priya Shah"), ("certificates", 1, 12, "Priya Shah")]
        assert written[0].awards == ("leadership",)
        assert written[1].awards == ()  # every award
        assert written[0].where == str(tmp_path)
        assert store.audit_problems() == []  # part of the hash chain like any other change
        actions = [r["action"] for r in store.rows("SELECT action FROM audit ORDER BY id")]
        assert actions[-2:] == ["report written", "certificates written"]


def test_the_summary_says_what_was_written_this_session(panel_path: Path, tmp_path: Path):
    with Store.open(panel_path) as store:
        assert outputs_summary(store, now()) == "Nothing written yet"
        record_output(store, "feedback", [tmp_path / f"{n}.pdf" for n in range(3)], tmp_path)
        session = now()
        record_output(store, "report", [tmp_path / "old.pdf"], tmp_path)
        record_output(store, "report", [tmp_path / "Ranked report.pdf"], tmp_path)
        record_output(store, "certificates", [tmp_path / "Certificates.pdf"], tmp_path,
                      items=12)
        latest_report = outputs_written(store, since=session)[1]
        summary = outputs_summary(store, session)
    # the newest report only, then the certificates; feedback was an earlier session's
    assert summary == f"Ranked report written {clock(latest_report.at)}; 12 certificates"


def test_an_earlier_session_is_remembered_by_its_date(panel_path: Path, tmp_path: Path):
    with Store.open(panel_path) as store:
        record_output(store, "feedback", [tmp_path / "a.pdf", tmp_path / "b.pdf"], tmp_path)
        at = outputs_written(store)[-1].at
        summary = outputs_summary(store, now())
    day = datetime.fromisoformat(at).astimezone()
    assert summary == f"Feedback for 2 entries last written {day.day} {day:%B} {day.year}"


def test_an_unknown_kind_of_output_is_refused_and_nothing_logged(panel_path: Path,
                                                                 tmp_path: Path):
    with Store.open(panel_path) as store:
        before = store.rows("SELECT COUNT(*) AS n FROM audit")[0]["n"]
        with pytest.raises(JudgePanelError, match="output kind must be one of .*'poster'"):
            record_output(store, "poster", [tmp_path / "p.pdf"], tmp_path)
        assert store.rows("SELECT COUNT(*) AS n FROM audit")[0]["n"] == before
