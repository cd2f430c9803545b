"""The union's list of closing reasons (store/common/closing.toml, read by
store/common/closing.py): Pulang's own list, its labels in the catalogs, a union's own file
named by $PULANG_CLOSING, and a broken file refused naming its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.common import closing
from store.common.errors import InputFileUnreadable
from store.common.i18n import set_language


def test_pulangs_own_list_has_the_reasons_an_officer_knows_and_one_referral() -> None:
    codes = [r.code for r in closing.reasons()]
    assert codes == ["returned_home", "referred", "worker_asked", "lost_contact", "died",
                     "duplicate", "not_trafficking", "other"]
    assert [r.code for r in closing.reasons() if r.referred] == ["referred"]
    # Every label of the file is marked for the catalogs, in the file's order.
    assert tuple(r.label_en for r in closing.reasons()) == closing.DEFAULT_LABELS


def test_a_label_is_read_in_the_officers_language_and_a_code_off_the_list_as_kept() -> None:
    set_language("id")
    try:
        lost = closing.reason("lost_contact")
        assert lost is not None and lost.label != lost.label_en == "Lost contact"
    finally:
        set_language("en")
    assert closing.reason_label("lost_contact") == "Lost contact"
    assert closing.reason_label("gone_from_list") == "gone_from_list"
    assert closing.reason("gone_from_list") is None and closing.reason_label(None) == ""


def test_a_union_names_its_own_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "ours.toml"
    own.write_text('[reasons.shelter_took_over]\nlabel = "Shelter took over"\nreferred = true\n'
                   '[reasons.done]\nlabel = "Case done"\n', encoding="utf-8")
    monkeypatch.setenv(closing.VARIABLE, str(own))
    assert [(r.code, r.label, r.referred) for r in closing.reasons()] == [
        ("shelter_took_over", "Shelter took over", True), ("done", "Case done", False)]


@pytest.mark.parametrize(("text", "key"), [
    ('[reasons.done]\nlable = "Done"\n', "reasons.done.lable"),
    ('[reasons.Done]\nlabel = "Done"\n', "reasons.Done"),
    ('[reasons.done]\nlabel = ""\n', "reasons.done.label"),
    ('[reasons.done]\nlabel = "Done"\nreferred = "yes"\n', "reasons.done.referred"),
    ('[reason.done]\nlabel = "Done"\n', "reason"),
    ('reasons = 3\n', "reasons"),
    ('[reasons.done\n', "?"),
])
def test_a_broken_file_is_refused_naming_the_key(tmp_path: Path, text: str, key: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / f"broken{abs(hash(text))}.toml"
    own.write_text(text, encoding="utf-8")
    monkeypatch.setenv(closing.VARIABLE, str(own))
    with pytest.raises(InputFileUnreadable) as refused:
        closing.reasons()
    assert str(own) in str(refused.value) and f"\u201c{key}\u201d" in str(refused.value)


def test_a_missing_file_is_refused_naming_the_variable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(closing.VARIABLE, str(tmp_path / "nowhere.toml"))
    with pytest.raises(InputFileUnreadable, match=closing.VARIABLE):
        closing.reasons()
