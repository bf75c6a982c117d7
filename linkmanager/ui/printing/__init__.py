"""Printing QR codes with Qt: the painter of every template, PDF output and the print preview."""
