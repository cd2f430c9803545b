"""`pulang check` of a worker's legal matters and money (issue 34), on the demo's file damaged
as another tool could leave it: a record whose worker is of another case, a link to an
organisation or an actor that is not there, an amount and a currency that Pulang does not
write. Each is named by its kind and case; no value of theirs is shown."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.conftest import Run


def test_check_names_each_damaged_legal_matter_and_money_entry(cli: Run,
                                                                demo_file: Path) -> None:
    assert cli("check", "--db", demo_file).returncode == 0  # the demo's are sound
    data = orjson.loads(demo_file.read_bytes())
    case = next(c for c in data["cases"].values() if c["ref"] == "KH-2025-0001")
    elsewhere = next(w for w in data["workers"].values() if w["case_id"] != case["id"])
    legal = sorted(data["legal"].values(), key=lambda d: d["id"])
    money = sorted(data["money"].values(), key=lambda d: d["id"])
    prosecution = next(d for d in legal if d["kind"] == "prosecution")
    aid = next(d for d in legal if d["kind"] == "legal_aid")
    moved = next(d for d in legal if d["kind"] == "detention")
    prosecution["actor_ids"] = [*prosecution["actor_ids"], "a" * 32]  # an actor not there
    aid["org_id"] = "b" * 32  # no such organisation
    moved["worker_id"] = elsewhere["id"]  # a worker of another case
    damaged = {"1.500.000": "amount", "XQZ": "currency"}
    money[0]["amount"], money[1]["currency"] = "1.500.000", "XQZ"
    money[2]["amount"] = 1500.5  # a float, as a script might write it
    demo_file.write_bytes(orjson.dumps(data))

    done = cli("check", "--db", demo_file)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout + done.stderr
    lines = [line for line in out.splitlines() if "(case KH-2025-0001)" in line]
    said = {(line.split(" ")[0] + " " + line.split(" ")[1], line.split(": ", 1)[1])
            for line in lines if line.startswith(("legal matter", "money entry"))}

    def about(record: dict[str, object], what: str) -> bool:
        kind = "legal matter" if record in legal else "money entry"
        return any(w.startswith(kind) and what in m for w, m in said) and any(
            str(record["id"])[:8] in line and what in line for line in lines)

    assert about(prosecution, "names a record that does not exist: Actors in the registry")
    assert about(aid, "names a record that does not exist: Linked organisation")
    assert about(moved, "is about a worker who is not in its case")
    assert about(money[0], "Amount: is not an amount as Pulang keeps it")
    assert about(money[1], "Currency: is not a currency code of ISO 4217")
    assert about(money[2], "Amount: is not an amount as Pulang keeps it")
    for value in damaged:
        assert value not in out
    assert "1500.5" not in out
