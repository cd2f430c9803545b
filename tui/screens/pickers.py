"""Shim: the old path of `tui.dialogs.picker` (PickerDialog, PickItem) and of the fields that
open it, `tui.screens.form.fields` (PickField, CountryInput, country_items), removed once the
moves of issue 26 are merged."""

from tui.dialogs.picker import PickerDialog, PickItem
from tui.screens.form.fields import CountryInput, PickField, country_items

__all__ = ["CountryInput", "PickField", "PickItem", "PickerDialog", "country_items"]
