"""Spreadsheets (openpyxl) for clerks: a form as a workbook, and back."""
