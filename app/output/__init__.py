"""The printed report: one model, rendered to PDF, DOCX and XLSX."""
