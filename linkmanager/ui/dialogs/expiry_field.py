"""The expiry of a new link: off, or a moment in the user's own time, said with its offset as
every view says it (domain.lifecycle.moment_text), its UTC value one hover away.

The edit shows local wall-clock time; what is stored and sent is aware UTC. `tz` None means the
system's zone (with its daylight saving rules, through the OS); tests pass a fixed zone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from linkmanager.domain.lifecycle import moment_text, utc_text
from linkmanager.domain.link_draft import local_to_utc

DEFAULT_DAYS = 7  # a new expiry starts a week ahead, at the end of that day


class ExpiryField(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None, *, now: datetime, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.enabled_box = QCheckBox(self.tr("Expires"), self)
        self.enabled_box.setAccessibleName(self.tr("Link expires"))
        self.edit = QDateTimeEdit(self)
        self.edit.setAccessibleName(self.tr("Expiry, your local time"))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd MMM yyyy  HH:mm")
        self.utc_label = QLabel(self)
        self.utc_label.setTextFormat(Qt.TextFormat.PlainText)
        self.utc_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.utc_label.setAccessibleName(self.tr("Expiry with its time zone"))
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.enabled_box)
        line.addWidget(self.edit, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(self.utc_label)
        end_of_day = self._local(now + timedelta(days=DEFAULT_DAYS)).replace(hour=23, minute=59)
        self._set_local(end_of_day)
        self.enabled_box.toggled.connect(self._update)
        self.edit.dateTimeChanged.connect(self._update)
        self._update()

    # -- zones -------------------------------------------------------------------------------------

    def _local(self, moment: datetime) -> datetime:
        """An aware UTC moment as naive wall-clock time in the user's zone."""
        return (moment.astimezone(self._tz) if self._tz else moment.astimezone()).replace(tzinfo=None)

    def _to_utc(self, wall: datetime) -> datetime:
        if self._tz is None:
            return wall.astimezone(UTC)  # a naive time is read as the system's local time
        return wall.replace(tzinfo=self._tz).astimezone(UTC)

    def _set_local(self, wall: datetime) -> None:
        self.edit.setDateTime(
            QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute))
        )

    def _wall(self) -> datetime:
        value = self.edit.dateTime()
        day, clock = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())  # noqa: DTZ001 - wall time

    # -- value -------------------------------------------------------------------------------------

    def value(self) -> datetime | None:
        """The expiry as aware UTC, or None for a link that never expires."""
        return self._to_utc(self._wall()) if self.enabled_box.isChecked() else None

    def problem(self) -> str:
        """Words for a local time the clocks skip or pass twice (daylight saving), else ""."""
        if not self.enabled_box.isChecked():
            return ""
        try:
            local_to_utc(self._wall(), self._tz)
        except ValueError as exc:
            return str(exc)
        return ""

    def set_value(self, moment: datetime | None) -> None:
        if moment is not None:
            self._set_local(self._local(moment))
        self.enabled_box.setChecked(moment is not None)
        self._update()

    def _update(self) -> None:
        on = self.enabled_box.isChecked()
        self.edit.setEnabled(on)  # a disabled form still disables it: Qt passes that down
        moment = self.value()
        utc = ""
        if moment is None:
            self.utc_label.setText(self.tr("Never expires: it stays active until disabled or used up."))
        elif problem := self.problem():
            self.utc_label.setText(problem)
        else:
            self.utc_label.setText(
                self.tr("Expires {when}, your time").format(when=moment_text(moment, self._tz))
            )
            utc = self.tr("In UTC: {when}").format(when=utc_text(moment))
        self.utc_label.setToolTip(utc)
        self.utc_label.setAccessibleDescription(utc)
        self.changed.emit()
