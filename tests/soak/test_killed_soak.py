"""A sync killed (SIGKILL) at 200 random moments, pushing, pulling and merging, with the
checks of the default run's 20 (tests/sync/test_killed.py, tests/sync/killing.py) after each:
`pytest tests/soak/test_killed_soak.py` (about four minutes on two cores)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.sync.conftest import running_hub
from tests.sync.killing import KINDS, syncs_killed

if TYPE_CHECKING:  # imported by name, a class named Test... would be taken for tests
    from tests.sync.conftest import HubUnderTest


@pytest.fixture(scope="module")
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubUnderTest]:
    with running_hub(tmp_path_factory.mktemp("hub")) as hub:
        yield hub


def test_a_sync_killed_at_200_random_moments_loses_and_repeats_nothing(
        hub_server: HubUnderTest, tmp_path: Path, cheap_keys: None) -> None:
    tally = syncs_killed(tmp_path, hub_server, kills=200, seed=20260514)
    print(tally)
    assert all(tally.killed[kind] >= 40 for kind in KINDS), tally
    assert tally.pending >= 1, tally  # some kills came between a commit and the state's write
    assert tally.conflicts >= 10 and tally.erasures >= 10, tally
