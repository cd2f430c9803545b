"""The shares of the kinds tests/perf/generate_more.py makes, for tests/perf/generated_shares.py
(which prints them): one line a kind."""

from __future__ import annotations

from collections import Counter
from typing import Any

Docs = list[dict[str, Any]]


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.1f}%)" if whole else f"{part}"


def _by(docs: Docs, field: str) -> str:
    return ", ".join(f"{value} {_share(n, len(docs))}"
                     for value, n in Counter(d.get(field) for d in docs).most_common())


def more_shares(tables: dict[str, Docs], today: Any) -> list[str]:
    """The lines (see the module's doc); `today`: Database.today on the day asked."""
    workers = {w["id"] for w in tables["workers"]}
    screened = {s["worker_id"] for s in tables.get("screenings", [])}
    consented = {c["worker_id"] for c in tables.get("consents", [])}
    both = len(workers & screened & consented)
    money, links = tables.get("money", []), tables.get("registry_links", [])
    cases = len(tables["cases"])
    placed = {link["case_id"] for link in links if link.get("place_id")}
    recruited = {link["case_id"] for link in links if link.get("actor_id")}
    tasks, agreements = tables.get("tasks", []), tables.get("agreements", [])
    places, actors = tables.get("places", []), tables.get("actors", [])
    intakes, inquiries = tables.get("intakes", []), tables.get("inquiries", [])
    return [
        f"workers {len(workers)}: screening and consent {_share(both, len(workers))}, "
        f"screening only {len(workers & screened - consented)}, consent only "
        f"{len(workers & consented - screened)}, neither {len(workers - screened - consented)};"
        f" Today: without screening or consent {today.missing_count}; screenings decided "
        f"{_share(sum(1 for s in tables.get('screenings', []) if s.get('status')), len(screened))}"
        f", consents withdrawn "
        f"{sum(1 for c in tables.get('consents', []) if c.get('withdrawn_on'))}",
        f"money {len(money)} (workers with some "
        f"{_share(len({m['worker_id'] for m in money}), len(workers))}): by kind "
        f"{_by(money, 'kind')}; by status {_by(money, 'status')}; currencies "
        f"{_by(money, 'currency')}",
        f"registry: places {len(places)} ({_by(places, 'status')}), actors {len(actors)} "
        f"({_by(actors, 'role')}), "
        f"identifiers {len(tables.get('identifiers', []))}; links {len(links)}: cases held at "
        f"a place {_share(len(placed), cases)}, with a recruiter {_share(len(recruited), cases)}",
        f"directory: organisations {len(tables.get('organisations', []))}, people "
        f"{len(tables.get('people', []))}, meetings {len(tables.get('meetings', []))}, "
        f"agreements {len(agreements)} ({_by(agreements, 'status')}), tasks {len(tasks)} (done "
        f"{_share(sum(1 for t in tasks if t.get('done_on')), len(tasks))}; on Today "
        f"{len(today.tasks)})",
        f"intakes {len(intakes)} ({_by(intakes, 'status')}, rows "
        f"{sum(len(i['rows']) for i in intakes)}); inquiries "
        f"{len(inquiries)} ({_by(inquiries, 'status')}; a match to confirm "
        f"{sum(1 for i in inquiries if i.get('pending_worker_id'))})",
    ]
