"""The counter display: a customer-facing window showing one link's QR code and confirming its
payments live, with the operator's panel beside the main window (issue 15, part 1)."""
