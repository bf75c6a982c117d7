"""The fields of a new payment link, each with its error line: what the create dialog shows.

Only gathering and showing: `draft()` reads what was typed, `fill()` shows a draft, and
`show_errors()` puts each message under its field (identifier rows under their row). Checking
and sending belong to the dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QFont, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from linkmanager.domain.choices import currency_choices, purpose_choices
from linkmanager.domain.link_draft import LinkDraft
from linkmanager.domain.money import currency_digits
from linkmanager.ui.dialogs.expiry_field import ExpiryField
from linkmanager.ui.dialogs.identifier_rows import IdentifierRows

FIELDS = ("name", "amount", "currency", "reference", "payment_purpose", "expires_at", "max_usages",
          "redirect_url", "customer_id", "destination_id")  # fmt: skip


def plain_label(parent: QWidget, *, error: str = "", muted: bool = False, wrap: bool = False) -> QLabel:
    """A hidden label for words that may come from Lean: plain text, never markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap or bool(error))
    if error:
        label.setStyleSheet(f"QLabel {{ color: {error}; }}")
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.hide()
    return label


class LinkForm(QWidget):
    def __init__(self, parent: QWidget | None, *, color: str, now: datetime, tz: tzinfo | None) -> None:
        super().__init__(parent)
        self.errors = {field: plain_label(self, error=color) for field in FIELDS}
        self.name_edit = self._line(self.tr("Name"), self.tr("For you only: payers never see it"))
        self.currency_box = QComboBox(self)
        self.currency_box.setAccessibleName(self.tr("Currency"))
        for code, title in currency_choices():
            self.currency_box.addItem(f"{code} – {title}", code)
        self.amount_edit = self._line(self.tr("Amount"), "0.00")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_hint = plain_label(self, muted=True)
        self.reference_edit = self._line(
            self.tr("Reference"), self.tr("Required: shown on the payer's bank statement and yours")
        )
        self.purpose_box = QComboBox(self)
        self.purpose_box.setAccessibleName(self.tr("Payment purpose"))
        self.purpose_box.addItem(self.tr("None"), "")
        for code, meaning in purpose_choices():
            self.purpose_box.addItem(f"{code} – {meaning}", code)
        self.expiry = ExpiryField(self, now=now, tz=tz)
        self.max_usages_edit = self._line(self.tr("Usage limit"), self.tr("1,000 (Lean's default)"))
        self.max_usages_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[\d,]{0,13}"), self)
        )
        self.redirect_edit = self._line(
            self.tr("Redirect URL"), self.tr("https://… (optional, registered with Lean)")
        )
        self.customer_edit = self._line(self.tr("Customer ID"), self.tr("Optional UUID from your system"))
        self.destination_edit = self._line(
            self.tr("Destination account"), self.tr("Optional UUID: Lean's default account otherwise")
        )
        self.identifiers = IdentifierRows(self, color)
        self._dim_disabled_placeholders()

        money = QHBoxLayout()
        money.addWidget(self.currency_box, 1)
        money.addWidget(self.amount_edit, 1)
        self.form = QFormLayout(self)
        self._section(self.tr("Payment"))
        self._row(
            self.tr("Amount"),
            money,
            "amount",
            self.amount_edit,
            extra=(self.amount_hint, self.errors["currency"]),
        )
        self._row(self.tr("Reference"), self.reference_edit, "reference")
        self._row(self.tr("Payment purpose"), self.purpose_box, "payment_purpose")
        self._row(self.tr("Name"), self.name_edit, "name")
        self._section(self.tr("Availability"))
        self._row(self.tr("Expiry"), self.expiry, "expires_at", self.expiry.enabled_box)
        self._row(self.tr("Usage limit"), self.max_usages_edit, "max_usages")
        self._section(self.tr("Optional details"))
        self._row(self.tr("Redirect URL"), self.redirect_edit, "redirect_url")
        self._row(self.tr("Customer ID"), self.customer_edit, "customer_id")
        self._row(self.tr("Destination account"), self.destination_edit, "destination_id")
        self._section(self.tr("Ask the payer for"))
        self.form.addRow(self.identifiers)
        self.currency_box.currentIndexChanged.connect(self._currency_changed)
        self.expiry.changed.connect(lambda: self.errors["expires_at"].hide())
        self.currency_box.currentIndexChanged.connect(lambda _i: self.errors["currency"].hide())
        self.purpose_box.currentIndexChanged.connect(lambda _i: self.errors["payment_purpose"].hide())

    def _dim_disabled_placeholders(self) -> None:
        """While sending the form is disabled, and some styles then draw a placeholder darker than
        the greyed text typed in the next field: empty fields would look filled. Dim it instead."""
        palette = self.palette()
        dimmed = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        dimmed.setAlpha(dimmed.alpha() // 2)
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.PlaceholderText, dimmed)
        self.setPalette(palette)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _section(self, title: str) -> None:
        label = QLabel(title, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        self.form.addRow(label)

    def _row(
        self, title: str, field: QWidget | QHBoxLayout, key: str, buddy: QWidget | None = None,
        extra: tuple[QLabel, ...] = (),
    ) -> None:  # fmt: skip
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QHBoxLayout):
            box.addLayout(field)
        else:
            box.addWidget(field)
        for label in (*extra, self.errors[key]):
            box.addWidget(label)
        label = QLabel(title, self)
        target = buddy or field
        if isinstance(target, QWidget):
            label.setBuddy(target)
        self.form.addRow(label, box)
        if isinstance(field, QLineEdit):
            field.textEdited.connect(lambda _t: self.errors[key].hide())

    def _currency_changed(self) -> None:
        """The amount accepts as many decimals as the currency has (CLDR): KWD 3, AED 2, JPY 0."""
        code = self.currency()
        digits = currency_digits(code)
        # A point is taken even with no decimals (JPY): refused, the digits typed after it would
        # be glued onto the whole amount, and 1200.5 would become 12005.
        fraction = rf"(\.\d{{0,{digits}}})?"
        self.amount_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"[\d,]{{0,20}}{fraction}"), self)
        )
        self.amount_edit.setPlaceholderText("0." + "0" * digits if digits else "0")
        if digits:
            hint = self.tr("{code} amounts have %Ln decimal place(s).", "", digits)
        else:
            hint = self.tr("{code} amounts have no decimals.")
        self.amount_hint.setText(hint.format(code=code))
        self.amount_hint.show()

    # -- values ------------------------------------------------------------------------------------

    def currency(self) -> str:
        return str(self.currency_box.currentData() or "")

    def draft(self) -> LinkDraft:
        return LinkDraft(
            amount=self.amount_edit.text(),
            currency=self.currency(),
            reference=self.reference_edit.text(),
            name=self.name_edit.text(),
            payment_purpose=str(self.purpose_box.currentData() or ""),
            destination_id=self.destination_edit.text(),
            expires_at=self.expiry.value(),
            max_usages=self.max_usages_edit.text(),
            redirect_url=self.redirect_edit.text(),
            customer_id=self.customer_edit.text(),
            identifiers=self.identifiers.values(),
        )

    def fill(self, draft: LinkDraft) -> None:
        index = self.currency_box.findData(draft.currency)
        if index < 0:  # a currency outside today's list (a withdrawn one): shown, then refused by the checks
            self.currency_box.addItem(draft.currency, draft.currency)
            index = self.currency_box.count() - 1
        self.currency_box.setCurrentIndex(index)
        self._currency_changed()
        self.amount_edit.setText(draft.amount)
        self.reference_edit.setText(draft.reference)
        self.name_edit.setText(draft.name)
        self.purpose_box.setCurrentIndex(max(self.purpose_box.findData(draft.payment_purpose), 0))
        self.expiry.set_value(draft.expires_at)
        self.max_usages_edit.setText(draft.max_usages)
        self.redirect_edit.setText(draft.redirect_url)
        self.customer_edit.setText(draft.customer_id)
        self.destination_edit.setText(draft.destination_id)
        self.identifiers.set_values(draft.identifiers)

    # -- errors ------------------------------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for field, label in self.errors.items():
            label.setText(errors.get(field, ""))
            label.setVisible(field in errors)
        self.amount_hint.setVisible("amount" not in errors)  # the error says the same, and more
        self.identifiers.show_errors(errors)

    def shown_errors(self) -> dict[str, str]:
        shown = {f: label.text() for f, label in self.errors.items() if not label.isHidden()}
        shown.update({f"identifiers[{i}]": text for i, text in self.identifiers.shown_errors().items()})
        return shown

    def focus_first(self, errors: Mapping[str, str]) -> None:
        """Put the cursor in the first field with a problem, in the order the form shows them."""
        in_order = [
            ("amount", self.amount_edit), ("currency", self.currency_box), ("reference", self.reference_edit),
            ("payment_purpose", self.purpose_box), ("name", self.name_edit), ("expires_at", self.expiry.edit),
            ("max_usages", self.max_usages_edit), ("redirect_url", self.redirect_edit),
            ("customer_id", self.customer_edit), ("destination_id", self.destination_edit),
        ]  # fmt: skip
        in_order += [(f"identifiers[{i}].", row.label_edit) for i, row in enumerate(self.identifiers.rows)]
        for field, widget in in_order:
            if any(key == field or (key.startswith(field) and field.endswith(".")) for key in errors):
                widget.setFocus()
                return

    def knows(self, field: str) -> bool:
        """Is there a place on the form for a message about `field`?"""
        rows = range(len(self.identifiers.rows))
        return field in FIELDS or any(field.startswith(f"identifiers[{i}].") for i in rows)
