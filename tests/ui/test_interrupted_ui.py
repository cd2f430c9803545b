"""An encryption or passphrase change killed half way, then opened in the app: the app says what
it finished. The kill loops themselves: tests/engine/test_interrupted.py."""

from __future__ import annotations

from pathlib import Path

from store.engine.crypto import Sealer
from tests.killed import NEW, copy_of, readable_without_key, run_killed


async def test_the_app_says_what_it_finished(originals: dict[str, Path], tmp_path: Path,
                                             cheap_keys: None) -> None:
    from textual.message import Message
    from textual.notifications import Notify

    from store.engine import backups
    from tui.app import PulangApp

    path = copy_of(originals["encrypt"], tmp_path)
    killed = run_killed(7, "encrypt", "--db", path)  # after the sealed rename, before the
    assert "killed before unlink" in killed.stderr   # first plain backup is deleted
    assert any(not backup.encrypted for backup in backups.list_backups(path))
    said: list[str] = []

    def hear(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    app = PulangApp(path, sealer=Sealer.unlock(path, path.read_bytes(), NEW))
    async with app.run_test(size=(80, 24), message_hook=hear) as pilot:
        while app.db is None and app.load_error is None:
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.db is not None
    app.db.close()
    assert any("it is finished now" in line for line in said), said
    assert readable_without_key(path) == []
