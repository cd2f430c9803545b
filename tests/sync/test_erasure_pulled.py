"""An erasure pulled before the erasing site's version of a log entry naming the worker: this
site blanks the names itself, then takes the erasing site's version when it holds every
value this site changed (the killed-sync test found the site sending a version of its own,
once the erasing site had also edited the entry)."""

from __future__ import annotations

from store.engine.replica_state import DocState
from store.sync.pulling import _holds_mine

BASE = {"id": "e1", "version": 3, "summary": "Called Siti Aminah's mother", "next_step": "Visit"}
MINE = {**BASE, "version": 4, "summary": "Called [erased]'s mother"}  # blanked here


def state() -> DocState:
    doc = DocState("log", "3-abc")
    doc.base = BASE
    return doc


def test_the_erasing_site_s_version_holding_the_blanking_and_its_edit_is_taken() -> None:
    theirs = {**MINE, "version": 5, "next_step": "Visit on Friday"}
    assert _holds_mine(theirs, MINE, state())


def test_a_change_of_this_site_s_the_other_lacks_is_not_lost() -> None:
    mine = {**MINE, "next_step": "Call the embassy"}  # edited here before the sync
    theirs = {**MINE, "version": 5, "next_step": "Visit on Friday"}
    assert not _holds_mine(theirs, mine, state())
    assert not _holds_mine({**BASE, "version": 5}, MINE, state())  # names still there


def test_without_the_common_version_only_the_same_values_will_do() -> None:
    doc = DocState("log", "3-abc")
    assert _holds_mine({**MINE, "version": 9}, MINE, doc)
    assert not _holds_mine({**MINE, "next_step": "Visit on Friday"}, MINE, doc)
