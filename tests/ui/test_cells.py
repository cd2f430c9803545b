"""Text cut to a column's cells is cut between letters, never inside a Khmer, Lao or Burmese
letter (a consonant with its signs, or consonants stacked by COENG)."""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.caselist import fit
from tui.widgets.cells import clusters, cut_cells


def test_a_khmer_letter_keeps_its_signs_and_stacked_consonants() -> None:
    assert clusters("ថ្ងៃកំណត់") == ["ថ្ងៃ", "កំ", "ណ", "ត់"]
    assert clusters("ມື້ນີ້") == ["ມື້", "ນີ້"]
    assert clusters("မြန်မာ")[0] == "မြ"


def test_a_cut_never_leaves_a_sign_without_its_letter() -> None:
    for text in ("ថ្ងៃកំណត់បន្ទាប់", "ກຳລັງດຳເນີນເອກະສານ", "အိမ်ပြန်လမ်း", "Next due"):
        for width in range(1, 12):
            cut = cut_cells(text, width)
            assert cell_len(cut) == width, (text, width)
            kept = cut.rstrip(" ")
            assert text.startswith(kept)
            # what is kept is whole letters: the next character starts a letter of its own
            rest = text[len(kept):]
            assert not rest or clusters(text[len(kept):])[0] == clusters(rest)[0]
            assert not rest or clusters(kept + rest[:1])[-1] == rest[:1], (text, width, cut)


def test_fit_marks_what_it_cut() -> None:
    assert fit("ថ្ងៃកំណត់បន្ទាប់", 5).endswith("…")
    assert cell_len(fit("ថ្ងៃកំណត់បន្ទាប់", 5)) == 5
    assert fit("Today", 8) == "Today   "
