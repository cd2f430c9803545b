"""The registry on its way out: in the police brief only, each fact with its source; in the
HTCDS statistics only as a country code; in the demo, tying two cases by one handle; through a
json export and import whole, links included, with `pulang check` clean."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import html
import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.common.errors import NeverRecipient
from store.common.i18n import format_date
from store.db.database import Database
from store.domain.classification import is_private
from store.domain.records import (
    Actor,
    Case,
    Identifier,
    Place,
    Record,
    RegistryLink,
    Worker,
    build,
    worker_numbers,
)
from store.domain.vocab import (
    Certainty,
    IdentifierKind,
    PlaceKind,
    PlaceStatus,
    RecipientKind,
    SourceKind,
)
from store.exchange.brief import case_brief
from store.exchange.brief_registry import REGISTRY_RECIPIENTS
from store.exchange.check import check
from store.exchange.export import export_csv, export_json, import_json
from store.exchange.htcds import (
    PUBLIC_SOURCES,
    ClassificationChanged,
    check_sources,
    export_htcds,
    worker_row,
)
from store.exchange.htcds_places import countries_held, exploited_in
from tests.conftest import Run

REF = "KH-2025-0001"
HEADING = "Who and where (registry)"
MOMENT = dt.datetime(2026, 1, 31, 9, 0, tzinfo=dt.timezone.utc)
REGISTRY: tuple[type[Record], ...] = (Place, Actor, Identifier, RegistryLink)


def _cases(db: Database) -> tuple[Case, Case, Case]:
    """The demo's ten-worker case, the Sihanoukville one and the Myanmar one."""
    seed = db.case_by_ref(REF)
    assert seed is not None
    by_place = {c.destination_place: c for c in db.cases()}
    return seed, by_place["Sihanoukville"], by_place["Myawaddy"]


def _private_values(records: list[Record]) -> set[str]:
    """Every personal or sensitive value of these records, as text a file could hold them in
    (a date also as the brief writes it, a position as a number)."""
    found: set[str] = set()

    def add(value: Any) -> None:
        if value is None or isinstance(value, (bool, enum.Enum)):
            return
        if isinstance(value, str) and len(value.strip()) >= 4:
            found.add(value.strip())
        elif isinstance(value, float):
            found.add(str(value))
        elif isinstance(value, dt.date):
            found.update({value.isoformat(), format_date(value)})
        elif isinstance(value, list):
            for item in value:
                add(item)
        elif hasattr(value, "model_dump"):
            for item in value.model_dump().values():
                add(item)

    for record in records:
        for name in type(record).model_fields:
            if is_private(type(record), name):
                add(getattr(record, name))
    return found


def _registry_of(db: Database, case: Case) -> list[Record]:
    """The case's links and every place, actor and identifier of the registry."""
    return [*db.registry_of_case(case.id), *db.places(), *db.actors(), *db.identifiers()]


def _text(brief_markdown: str, brief_html: str) -> list[str]:
    """The brief's two forms as the reader sees them (Markdown's escapes undone)."""
    return [brief_markdown.replace("\\", ""), html.unescape(brief_html)]


# -- the brief ------------------------------------------------------------------------------


def test_the_police_brief_lists_the_registry_each_fact_with_its_source(
        demo_db: Database) -> None:
    seed, _sihanoukville, _myanmar = _cases(demo_db)
    brief = case_brief(demo_db, seed.id, RecipientKind.POLICE)
    facts = int(brief.note.rsplit(", ", 1)[1].removesuffix(" registry facts"))
    links = demo_db.registry_of_case(seed.id)
    assert facts > len(links) > 10
    for text in _text(brief.markdown, brief.html):
        part = text.split(HEADING, 1)[1]
        for value in ("Blue Lotus compound", "Lotus Park", "Chbar Ampov", "11.5043, 104.9571",
                      "Golden Bay compound", "Ken Susanto", "Bos Ken", "lokerkamboja_vip",
                      "+6281355502417", "091233456678", "Bank Contoh",
                      "PT Lintas Karya Samudera",
                      "loker-luarnegeri.example.com/operator-ecommerce-phnom-penh"):
            assert value in part, value
        # Every fact (a record, a link) shows where it came from and how sure it is.
        sources = part.count("alleged — ") + part.count("confirmed — ")
        assert sources == facts
        assert "confirmed — a police report" in part and "alleged — a worker's statement" in part
        assert "raided " + format_date(demo_db.get(Place, _place(demo_db, "Blue Lotus").id)
                                       .history[1].on) in part
    assert brief.note.endswith(f"{facts} registry facts")
    for value in _private_values(_registry_of(demo_db, seed)):
        assert value not in brief.note


def _place(db: Database, name: str) -> Place:
    return next(p for p in db.places() if p.name.startswith(name))


def test_a_worker_in_the_registry_is_named_only_with_consent_for_the_police(
        demo_db: Database) -> None:
    seed, _s, _m = _cases(demo_db)
    workers = demo_db.workers_of(seed.id)
    number = worker_numbers(workers)
    consent = {w.id: demo_db.consent_of(w.id) for w in workers}
    covered = [w for w in workers if consent[w.id] and consent[w.id].allows(RecipientKind.POLICE)]
    others = [w for w in workers if w not in covered]
    assert covered and others
    brief = case_brief(demo_db, seed.id, RecipientKind.POLICE)
    links = demo_db.registry_of_case(seed.id)
    # (a date the demo gives a consenting worker too, who arrived with them, is shown for them)
    shown = {d for link in links if link.worker_id in {w.id for w in covered}
             for d in (link.held_from, link.held_to) if d}
    for text in _text(brief.markdown, brief.html):
        part = text.split(HEADING, 1)[1]
        for worker in covered:
            assert f"Worker {number[worker.id]}: {worker.full_name}" in part
            held = next(link for link in links if link.worker_id == worker.id and link.place_id)
            assert f"held from {format_date(held.held_from)}" in part
        for worker in others:
            assert f"Worker {number[worker.id]};" in part  # by number, in their links
            for link in links:
                if link.worker_id == worker.id and link.held_from and link.held_from not in shown:
                    assert format_date(link.held_from) not in part
                    if link.note:
                        assert link.note not in part
            for name in worker.all_names:
                assert name not in text


def test_a_reporter_who_is_a_worker_without_consent_is_shown_by_number(
        demo_db: Database) -> None:
    seed, _s, _m = _cases(demo_db)
    workers = demo_db.workers_of(seed.id)
    worker = next(w for w in workers if not (demo_db.consent_of(w.id) or None)
                  or not demo_db.consent_of(w.id).allows(RecipientKind.POLICE))
    actor = demo_db.save(build(Actor, {"name": "Mr. Aditya Broker", "source": SourceKind.WORKER,
                                       "reported_by": worker.full_name}))
    demo_db.save(build(RegistryLink, {"case_id": seed.id, "actor_id": actor.id}))
    brief = case_brief(demo_db, seed.id, RecipientKind.POLICE)
    n = worker_numbers(workers)[worker.id]
    assert f"reported by Worker {n}, " in brief.markdown
    assert worker.full_name not in brief.markdown and "Mr. Aditya Broker" in brief.markdown


def test_the_police_alone_get_the_registry() -> None:
    assert REGISTRY_RECIPIENTS == (RecipientKind.POLICE,)


@pytest.mark.parametrize("recipient", [k for k in RecipientKind if k is not RecipientKind.POLICE])
def test_no_other_recipient_gets_anything_of_the_registry(demo_db: Database,
                                                          recipient: RecipientKind) -> None:
    seed, sihanoukville, _m = _cases(demo_db)
    for case in (seed, sihanoukville):
        if recipient in (RecipientKind.MEDIA, RecipientKind.RECRUITER):
            with pytest.raises(NeverRecipient):
                case_brief(demo_db, case.id, recipient)
            continue
        brief = case_brief(demo_db, case.id, recipient)
        # What the case says in public (its title, its place) may name the same town.
        public = f"{case.title} {case.destination_place}"
        values = {v for v in _private_values(_registry_of(demo_db, case)) if v not in public}
        assert "lokerkamboja_vip" in values and "Blue Lotus compound" in values
        for text in _text(brief.markdown, brief.html):
            assert HEADING not in text
            leaked = sorted(v for v in values if v in text)
            assert not leaked, (recipient, leaked)
        assert "registry" not in brief.note


# -- HTCDS ------------------------------------------------------------------------------------


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_htcds_holds_nothing_of_the_registry_but_a_country_code(demo_db: Database) -> None:
    seed, sihanoukville, myanmar = _cases(demo_db)
    data, report = export_htcds(demo_db, k=1)
    assert report.included > 0
    text = data.decode("utf-8")
    values = set()
    for case in (seed, sihanoukville, myanmar):
        values |= _private_values(_registry_of(demo_db, case))
    assert "lokerkamboja_vip" in values and "10.6093" in values
    leaked = sorted(v for v in values if v in text)
    assert not leaked
    for kind in ("places", "actors", "identifiers", "registry"):
        assert kind not in text.splitlines()[0].lower()


def test_the_country_of_exploitation_is_where_the_registry_says_they_were_held(
        demo_db: Database) -> None:
    _seed, _s, myanmar = _cases(demo_db)
    (worker,) = demo_db.workers_of(myanmar.id)
    assert worker_row(myanmar, worker, None)["CountryOfExploitation"] == "MM"
    transit = demo_db.save(build(Place, {"name": "Hotel by the bridge", "country": "TH",
                                         "kind": PlaceKind.TRANSIT}))
    demo_db.save(build(RegistryLink, {"case_id": myanmar.id, "worker_id": worker.id,
                                      "place_id": transit.id}))
    assert worker.id not in countries_held(demo_db)  # passed through, not exploited there
    compound = demo_db.save(build(Place, {"name": "KK Park south", "country": "TH",
                                          "status": PlaceStatus.OPERATING}))
    demo_db.save(build(RegistryLink, {"case_id": myanmar.id, "worker_id": worker.id,
                                      "place_id": compound.id}))
    held = countries_held(demo_db)
    assert held[worker.id] == ["TH"]
    assert worker_row(myanmar, worker, None, held[worker.id])["CountryOfExploitation"] == "TH"
    # Held in several countries: the case's own if it is one of them, else the last reported.
    assert exploited_in(myanmar, ["TH", "MM"]) == "MM"
    assert exploited_in(myanmar, ["TH", "LA"]) == "TH"
    assert exploited_in(myanmar, []) == "MM"


def test_htcds_takes_the_held_country_into_the_export(demo_db: Database) -> None:
    seed, _s, _m = _cases(demo_db)
    before = _rows(export_htcds(demo_db, k=1)[0])
    assert {row["CountryOfExploitation"] for row in before} == {"KH"}
    elsewhere = demo_db.save(build(Place, {"name": "Compound across the river",
                                           "country": "MM"}))
    for worker in demo_db.workers_of(seed.id):
        for link in demo_db.registry_of_case(seed.id):
            if link.worker_id == worker.id and link.place_id:
                demo_db.remove_registry_record(RegistryLink, link.id)
        demo_db.save(build(RegistryLink, {"case_id": seed.id, "worker_id": worker.id,
                                          "place_id": elsewhere.id}))
    after = _rows(export_htcds(demo_db, k=1)[0])
    assert len(after) == len(before)
    assert {row["CountryOfExploitation"] for row in after} == {"MM"}


def test_htcds_reads_only_public_fields_of_the_registry() -> None:
    read = {(model, name) for model, name in PUBLIC_SOURCES}
    assert {(Place, "country"), (Place, "kind"), (RegistryLink, "worker_id")} <= read
    check_sources()
    with pytest.raises(ClassificationChanged):
        check_sources(public_sources=[*PUBLIC_SOURCES, (Place, "name")])
    with pytest.raises(ClassificationChanged):
        check_sources(public_sources=[(RegistryLink, "held_from")])


# -- the demo -------------------------------------------------------------------------------


def test_the_demo_ties_two_cases_by_one_recruiters_handle(demo_db: Database) -> None:
    seed, sihanoukville, myanmar = _cases(demo_db)
    handle = demo_db.find_identifier(IdentifierKind.TELEGRAM, "lokerkamboja_vip")
    number = demo_db.find_identifier(IdentifierKind.WHATSAPP, "+6281355502417")
    assert handle is not None and number is not None
    assert handle.actor_id == number.actor_id is not None
    for record_id in (handle.id, number.id, handle.actor_id):
        assert set(demo_db.seen_in_cases(record_id)) == {seed.id, sihanoukville.id}
    # The Myanmar case's log mentions the handle: offered for linking, known, not linked yet.
    (offer,) = [m for m in demo_db.mentions(myanmar.id) if m.value == handle.value]
    assert offer.known == handle.id and not offer.linked and offer.entry_id
    # The compound: raided (a police report, confirmed), then moved to Sihanoukville.
    compound = _place(demo_db, "Blue Lotus")
    assert compound.status is PlaceStatus.RELOCATED and compound.country == "KH"
    assert (compound.source, compound.certainty) == (SourceKind.POLICE, Certainty.CONFIRMED)
    assert [c.status for c in compound.history] == [
        PlaceStatus.OPERATING, PlaceStatus.RAIDED, PlaceStatus.RELOCATED]
    moved_to = demo_db.get(Place, compound.moved_to_id or "")
    assert moved_to.city == "Sihanoukville"
    held = demo_db.held_at(compound.id)
    assert {link.worker_id for link in held} == {w.id for w in demo_db.workers_of(seed.id)}
    assert all(link.held_from and link.held_to for link in held)
    assert {link.worker_id for link in demo_db.held_at(moved_to.id)} == {
        w.id for w in demo_db.workers_of(sihanoukville.id)}
    kinds = {i.kind for i in demo_db.identifiers()}
    assert {IdentifierKind.BANK_ACCOUNT, IdentifierKind.JOB_ADVERT} <= kinds
    sources = {link.source for link in demo_db.registry_links()}
    assert {SourceKind.WORKER, SourceKind.POLICE} <= sources
    assert check(demo_db) == []


# -- export and import ----------------------------------------------------------------------


def _registry_tables(db: Database) -> dict[str, list[dict[str, Any]]]:
    document = orjson.loads(export_json(db, MOMENT))
    return {table: document["tables"][table]
            for table in ("places", "actors", "identifiers", "registry_links")}


def test_a_json_export_carries_every_registry_record_and_link(demo_db: Database,
                                                              tmp_path: Path) -> None:
    tables = _registry_tables(demo_db)
    assert [len(tables[t]) for t in tables] == [
        len(demo_db.places()), len(demo_db.actors()), len(demo_db.identifiers()),
        len(demo_db.registry_links())]
    copy = Database.open(tmp_path / "copy.json", create=True)
    counted = import_json(copy, export_json(demo_db, MOMENT))
    assert counted["registry_links"] == len(demo_db.registry_links()) > 20
    assert _registry_tables(copy) == tables
    assert check(copy) == []
    seed, sihanoukville, _m = _cases(copy)
    handle = copy.find_identifier(IdentifierKind.TELEGRAM, "lokerkamboja_vip")
    assert handle is not None
    assert set(copy.seen_in_cases(handle.id)) == {seed.id, sihanoukville.id}
    copy.close()


def test_the_cli_export_import_and_check_keep_the_registry(cli: Run, demo_db: Database,
                                                           tmp_path: Path) -> None:
    out, target = tmp_path / "backup.json", tmp_path / "restored.json"
    links = {link.id for link in demo_db.registry_links()}
    done = cli("export", "--format", "json", "--db", demo_db.path, "--out", out, "--yes")
    assert done.returncode == 0, done.stderr
    assert cli("import", out, "--db", target).returncode == 0
    done = cli("check", "--db", target)
    assert done.returncode == 0, done.stdout + done.stderr
    with Database.open(target) as restored:
        assert {link.id for link in restored.registry_links()} == links


def test_the_csv_export_leaves_the_registry_s_names_out_unless_asked(demo_db: Database) -> None:
    files = export_csv(demo_db)
    headers = {name: data.decode("utf-8-sig").splitlines()[0].split(",")
               for name, data in files.items()}
    assert "name" not in headers["places.csv"] and "latitude" not in headers["places.csv"]
    assert {"country", "status", "kind"} <= set(headers["places.csv"])
    assert "value" not in headers["identifiers.csv"] and "kind" in headers["identifiers.csv"]
    assert "held_from" not in headers["registry_links.csv"]
    everything = b"".join(files.values()).decode("utf-8")
    for value in ("Blue Lotus compound", "lokerkamboja_vip", "Ken Susanto", "091233456678"):
        assert value not in everything
    asked = b"".join(export_csv(demo_db, include_personal=True).values()).decode("utf-8")
    assert "Blue Lotus compound" in asked and "lokerkamboja_vip" in asked


def test_the_demo_workers_are_in_the_registry_with_their_case(demo_db: Database) -> None:
    for link in demo_db.registry_links():
        if link.worker_id:
            assert demo_db.get(Worker, link.worker_id).case_id == link.case_id


def test_a_worker_removed_takes_their_registry_links_and_check_stays_clean(
        demo_db: Database) -> None:
    seed, _s, _m = _cases(demo_db)
    worker = next(w for w in demo_db.workers_of(seed.id)
                  if len([link for link in demo_db.registry_links()
                          if link.worker_id == w.id]) == 2)  # held, and the recruiter's
    before = len(demo_db.registry_links())
    demo_db.remove_worker(worker.id)
    assert worker.id not in {link.worker_id for link in demo_db.registry_links()}
    assert len(demo_db.registry_links()) == before - 2
    assert check(demo_db) == []
