"""The screens the app opens by a name: the top-level ones (Textual's `SCREENS`), a record's
page by its kind, and the forms outside a case rebuilt from their drafts after a lock.

Each is a callable that makes a new screen. They import inside themselves: none of these
screens is on the first frame, and importing them all with the app (the directory, meetings,
agreements and the dashboard, and the records behind them) costs it about 130 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen


def _directory() -> Screen[Any]:
    from tui.screens.directory import DirectoryScreen  # not on the first frame (see above)

    return DirectoryScreen()


def _meetings() -> Screen[Any]:
    from tui.screens.meetings import MeetingsScreen  # not on the first frame (see above)

    return MeetingsScreen()


def _agreements() -> Screen[Any]:
    from tui.screens.agreements import AgreementsScreen  # not on the first frame (see above)

    return AgreementsScreen()


def _dashboard() -> Screen[Any]:
    from tui.screens.dashboard import DashboardScreen  # not on the first frame (see above)

    return DashboardScreen()


def _registry() -> Screen[Any]:
    from tui.screens.registry import RegistryScreen  # not on the first frame (see above)

    return RegistryScreen()


def _inquiries() -> Screen[Any]:
    from tui.screens.inquiries import InquiriesScreen  # not on the first frame (see above)

    return InquiriesScreen()


# The top-level screens besides Today and the cases list, by the key `show_top` takes. The app
# calls them itself for a new screen each time, not `push_screen(name)`, which would keep the
# first one made for the life of the app.
TOP_SCREENS: dict[str, Callable[[], Screen[Any]]] = {
    "directory": _directory,
    "meetings": _meetings,
    "agreements": _agreements,
    "dashboard": _dashboard,
    "registry": _registry,
    "inquiries": _inquiries,
}


def _organisation(record_id: str) -> Screen[Any]:
    from tui.screens.directory import OrganisationScreen  # not on the first frame (see above)

    return OrganisationScreen(record_id)


def _person(record_id: str) -> Screen[Any]:
    from tui.screens.directory import PersonScreen  # not on the first frame (see above)

    return PersonScreen(record_id)


def _meeting(record_id: str) -> Screen[Any]:
    from tui.screens.meetings import MeetingScreen  # not on the first frame (see above)

    return MeetingScreen(record_id)


def _agreement(record_id: str) -> Screen[Any]:
    from tui.screens.agreements import AgreementScreen  # not on the first frame (see above)

    return AgreementScreen(record_id)


def _place(record_id: str) -> Screen[Any]:
    from tui.screens.registry import PlaceScreen  # not on the first frame (see above)

    return PlaceScreen(record_id)


def _actor(record_id: str) -> Screen[Any]:
    from tui.screens.registry import ActorScreen  # not on the first frame (see above)

    return ActorScreen(record_id)


def _identifier(record_id: str) -> Screen[Any]:
    from tui.screens.registry import IdentifierScreen  # not on the first frame (see above)

    return IdentifierScreen(record_id)


def _inquiry(record_id: str) -> Screen[Any]:
    from tui.screens.inquiries import InquiryScreen  # not on the first frame (see above)

    return InquiryScreen(record_id)


# A record's page by its kind (besides cases and workers, which open the case): record id ->
# a new screen.
RECORD_SCREENS: dict[str, Callable[[str], Screen[Any]]] = {
    "organisation": _organisation,
    "person": _person,
    "meeting": _meeting,
    "agreement": _agreement,
    "place": _place,
    "actor": _actor,
    "identifier": _identifier,
    "inquiry": _inquiry,
}


def _task_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.tasks import TaskForm  # not on the first frame (see above)

    return TaskForm.from_draft(draft)


def _agreement_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.agreements import AgreementForm  # not on the first frame (see above)

    return AgreementForm.from_draft(draft)


def _version_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.agreements import VersionForm  # not on the first frame (see above)

    return VersionForm.from_draft(draft)


def _organisation_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.directory.organisation_form import OrganisationForm  # see above

    return OrganisationForm.from_draft(draft)


def _person_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.directory.person_form import PersonForm  # not on the first frame

    return PersonForm.from_draft(draft)


def _meeting_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.meetings import MeetingForm  # not on the first frame (see above)

    return MeetingForm.from_draft(draft)


def _registry_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.registry import (  # not on the first frame (see above)
        ActorForm,
        IdentifierForm,
        PlaceForm,
        RegistryLinkForm,
    )

    form = {"place": PlaceForm, "actor": ActorForm, "identifier": IdentifierForm,
            "registry_link": RegistryLinkForm}[draft["kind"]]
    return form.from_draft(draft)


def _inquiry_form(draft: dict[str, Any]) -> Screen[Any]:
    from tui.screens.inquiries import InquiryForm  # not on the first frame (see above)

    return InquiryForm.from_draft(draft)


# Forms outside a case, by their draft_kind: draft -> the form rebuilt from it.
DRAFT_FORMS: dict[str, Callable[[dict[str, Any]], Screen[Any]]] = {
    "task": _task_form,
    "agreement": _agreement_form,
    "agreement_version": _version_form,
    "organisation": _organisation_form,
    "person": _person_form,
    "meeting": _meeting_form,
    "place": _registry_form,
    "actor": _registry_form,
    "identifier": _registry_form,
    "registry_link": _registry_form,
    "inquiry": _inquiry_form,
}
