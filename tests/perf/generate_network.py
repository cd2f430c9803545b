"""The union's directory in a generated database, for tests/perf/generate_more.py: the
organisations it works with (the embassies, unions, police desks and shelters the log entries
name, as records the entries link to, and a few hundred more at 50,000 cases, some members of
a federation), their people (each at an organisation, a few with an earlier role), the
agreements between them (from an idea to in force, each change dated), the meetings (with the
organisations and people present, the cases discussed, some about an agreement) and the tasks
that come of meetings and agreements (an owner, a due day, most done).

`Network.make` draws the organisations, people and agreements before the cases (the log
entries link to them); `meetings_and_tasks` after them (meetings discuss cases).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from store.domain.records import Agreement, Meeting, Organisation, Person, Task
from store.domain.vocab import AgreementArea, AgreementStatus, MeetingKind, OrgKind
from tests.perf.generate_kinds import count_of, template

Doc = dict[str, Any]
Stamp = Callable[[random.Random, dt.datetime], Doc]

# The kind and country of the organisations the log entries name (tests/perf/generate.ORGS).
_KNOWN = {"KBRI": (OrgKind.EMBASSY, "KH"), "Polri": (OrgKind.LAW_ENFORCEMENT, "ID"),
          "union": (OrgKind.UNION_FEDERATION, "KH"), "LFTU": (OrgKind.UNION_FEDERATION, "LA"),
          "IOM": (OrgKind.NGO, "KH"), "BP3MI": (OrgKind.CENTRAL_GOVERNMENT, "ID"),
          "Bareskrim": (OrgKind.LAW_ENFORCEMENT, "ID"), "shelter": (OrgKind.SHELTER, "KH"),
          "ASEAN": (OrgKind.REGIONAL_UNION_COUNCIL, "ID")}
_KINDS = [OrgKind.TRADE_UNION] * 4 + [OrgKind.NGO] * 3 + [
    OrgKind.EMBASSY, OrgKind.LAW_ENFORCEMENT, OrgKind.SHELTER, OrgKind.LEGAL, OrgKind.HEALTH,
    OrgKind.LOCAL_GOVERNMENT, OrgKind.IMMIGRATION]
_WORDS = {OrgKind.TRADE_UNION: "Workers' Union", OrgKind.NGO: "Migrant Care",
          OrgKind.EMBASSY: "Consulate", OrgKind.LAW_ENFORCEMENT: "Anti-Trafficking Police",
          OrgKind.SHELTER: "Safe House", OrgKind.LEGAL: "Legal Aid",
          OrgKind.HEALTH: "Clinic", OrgKind.LOCAL_GOVERNMENT: "Labour Office",
          OrgKind.IMMIGRATION: "Immigration Office"}
_CITIES = {"ID": ["Jakarta", "Medan", "Batam", "Kupang", "Surabaya"],
           "KH": ["Phnom Penh", "Sihanoukville", "Poipet"], "LA": ["Vientiane", "Pakse"],
           "MM": ["Yangon", "Myawaddy"], "TH": ["Bangkok", "Mae Sot"], "MY": ["Kuala Lumpur"],
           "PH": ["Manila"]}
_CODES = {"ID": "62", "KH": "855", "LA": "856", "MM": "95", "TH": "66", "MY": "60", "PH": "63"}
_GIVEN = ["Rina", "Dewi", "Sokha", "Vilay", "Aung", "Malee", "Budi", "Chenda", "Kham", "Nita",
          "Somsak", "Thida", "Yusuf", "Mey", "Ratana"]
_FAMILY = ["Santoso", "Chhun", "Phommachanh", "Win", "Srisuk", "Lubis", "Keo", "Sengdara",
           "Naing", "Harahap", "Prak", "Boonmee"]
_TITLES = ["President", "Secretary general", "Case worker", "Consul", "Labour attaché",
           "Duty officer", "Lawyer", "Programme officer", "Shelter coordinator"]
_AGENDA = ["Cases of workers still held", "Repatriation of the group", "Sharing case data",
           "Joint advocacy with the ministry", "Legal aid for workers charged"]
_TASKS = ["Send the list of workers to the embassy", "Draft the referral protocol",
          "Ask the police for the inquiry's progress", "Share the shelter's capacity",
          "Translate the agreement", "Call the families of the group"]


@dataclass
class Network:
    organisations: list[Doc] = field(default_factory=list)
    people: list[Doc] = field(default_factory=list)
    agreements: list[Doc] = field(default_factory=list)
    by_name: dict[str, str] = field(default_factory=dict)  # an organisation's name -> its id

    @classmethod
    def make(cls, rng: random.Random, cases: int, known: Sequence[str], today: dt.date,
             stamp: Stamp) -> Network:
        """The organisations (`known` first: the names the log entries use), people and
        agreements of a database of `cases` (see the module's doc)."""
        net = cls()
        tpl = template(Organisation)
        since = dt.datetime.combine(today - dt.timedelta(days=5 * 365), dt.time(9, 0),
                                    tzinfo=dt.timezone.utc)
        for n in range(count_of("organisations", cases)):
            if n < len(known):
                name = known[n]
                kind, country = next((v for k, v in _KNOWN.items() if k in name),
                                     (OrgKind.OTHER, "ID"))
            else:
                kind = rng.choice(_KINDS)
                country = rng.choice(list(_CITIES))
                name = f"{_WORDS[kind]} {rng.choice(_CITIES[country])} {n}"
            parent = rng.choice(net.organisations[:len(known)])["id"] \
                if kind is OrgKind.TRADE_UNION and n >= len(known) and rng.random() < 0.4 \
                else None
            doc = {**tpl, **stamp(rng, since + dt.timedelta(days=rng.randrange(1500))),
                   "name": name, "kind": kind.value, "country": country,
                   "city": rng.choice(_CITIES.get(country, ["Jakarta"])), "parent_id": parent,
                   "acronym": "".join(w[0] for w in name.split()[:3]).upper()
                   if rng.random() < 0.3 else ""}
            net.organisations.append(doc)
            net.by_name[name] = doc["id"]
        net.people = [_person(rng, net.organisations, since, stamp)
                      for _ in range(count_of("people", cases))]
        net.agreements = [_agreement(rng, net, today, stamp)
                          for _ in range(count_of("agreements", cases))]
        return net

    def meetings_and_tasks(self, rng: random.Random, cases: int, case_ids: Sequence[str],
                           today: dt.date, stamp: Stamp) -> tuple[list[Doc], list[Doc]]:
        """The meetings (discussing some of `case_ids`) and the tasks that came of them and
        of the agreements."""
        meetings, tasks = [], []
        tpl, task_tpl = template(Meeting), template(Task)
        for _ in range(count_of("meetings", cases)):
            at = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(-20, 3 * 365)),
                                     dt.time(rng.choice([9, 10, 14, 15])),
                                     tzinfo=dt.timezone.utc)
            orgs = rng.sample(self.organisations, rng.randrange(1, 4))
            present = [p["id"] for p in self.people if p["org_id"] in {o["id"] for o in orgs}]
            meetings.append({
                **tpl, **stamp(rng, min(at, _noon(today))), "at": at.isoformat(),
                "kind": rng.choice(list(MeetingKind)).value, "title": rng.choice(_AGENDA),
                "city": orgs[0]["city"], "country": orgs[0]["country"],
                "org_ids": [o["id"] for o in orgs], "person_ids": present[:4],
                "agenda": rng.choice(_AGENDA), "decisions": "Each side follows up its tasks."
                if at.date() <= today else "",
                "case_ids": rng.sample(list(case_ids), min(len(case_ids), rng.randrange(0, 6))),
                "agreement_ids": [rng.choice(self.agreements)["id"]]
                if self.agreements and rng.random() < 0.3 else []})
        for _ in range(count_of("tasks", cases)):
            meeting = rng.choice(meetings) if rng.random() < 0.75 or not self.agreements \
                else None
            start = dt.datetime.fromisoformat(meeting["at"]).date() if meeting \
                else today - dt.timedelta(days=rng.randrange(400))
            due = start + dt.timedelta(days=rng.randrange(3, 45))
            done = min(due + dt.timedelta(days=rng.randrange(-5, 10)), today) \
                if due < today and rng.random() < 0.7 else None
            tasks.append({
                **task_tpl, **stamp(rng, _noon(min(start, today))),
                "text": rng.choice(_TASKS),
                "owner_id": rng.choice(self.people)["id"] if self.people else None,
                "due": due.isoformat(), "done_on": done.isoformat() if done else None,
                "meeting_id": meeting["id"] if meeting else None,
                "agreement_id": None if meeting else rng.choice(self.agreements)["id"]})
        return meetings, tasks


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.timezone.utc)


def _person(rng: random.Random, orgs: list[Doc], since: dt.datetime, stamp: Stamp) -> Doc:
    org = rng.choice(orgs)
    country = org["country"] or "ID"
    title_since = (since + dt.timedelta(days=rng.randrange(1500))).date()
    earlier = [{"org_id": rng.choice(orgs)["id"], "title": rng.choice(_TITLES), "since": None,
                "until": title_since.isoformat()}] if rng.random() < 0.1 else []
    return {**template(Person), **stamp(rng, since + dt.timedelta(days=rng.randrange(1500))),
            "full_name": f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}", "org_id": org["id"],
            "title": rng.choice(_TITLES), "title_since": title_since.isoformat(),
            "country": country,
            "phones": [f"+{_CODES.get(country, '62')}8{rng.randrange(10**8, 10**9)}"]
            if rng.random() < 0.8 else [],
            "languages": rng.sample(["English", "Bahasa Indonesia", "Khmer", "Lao", "Thai"], 2),
            "history": earlier}


_PATH = [AgreementStatus.IDEA, AgreementStatus.DRAFTING, AgreementStatus.NEGOTIATION,
         AgreementStatus.SIGNED, AgreementStatus.IN_FORCE]


def _agreement(rng: random.Random, net: Network, today: dt.date, stamp: Stamp) -> Doc:
    parties = rng.sample(net.organisations, rng.randrange(2, 4))
    reached = rng.randrange(len(_PATH))
    day = today - dt.timedelta(days=rng.randrange(200, 1500))
    history = []
    for status in _PATH[:reached + 1]:
        history.append({"status": status.value, "on": day.isoformat(), "note": ""})
        day = min(day + dt.timedelta(days=rng.randrange(20, 200)), today)
    signatories = [p["id"] for p in net.people if p["org_id"] in {o["id"] for o in parties}]
    return {**template(Agreement), **stamp(rng, _noon(dt.date.fromisoformat(
                history[0]["on"]))),
            "title": f"Cooperation on protecting migrant workers: {parties[0]['name']}",
            "party_ids": [o["id"] for o in parties],
            "areas": rng.sample([a.value for a in AgreementArea], 2),
            "status": _PATH[reached].value, "history": history,
            "signatory_ids": signatories[:2] if reached >= 3 else [],
            "versions": [{"number": n, "on": history[0]["on"], "text": "Article 1. The parties",
                          "note": ""} for n in range(1, min(reached, 3) + 1)]}
